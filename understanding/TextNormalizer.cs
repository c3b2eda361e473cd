using System.Text;
using System.Text.RegularExpressions;
using CampaignBot.Understanding.Glossary;

namespace CampaignBot.Understanding;

/// <summary>
/// Two views of a message with the same length, so that a place found in one is the same place in
/// the other: <c>Source</c> is what the user wrote (Teams @mentions removed, full-width forms made
/// half-width, spaces collapsed), kept for notes and reasons; <c>Text</c> is what the understanding
/// reads (lower case, simplified characters, variant spellings unified).
/// </summary>
public static partial class TextNormalizer
{
    private static readonly Dictionary<char, char> Simplified =
        WritingVariants.Traditional.Zip(WritingVariants.Simplified).DistinctBy(p => p.First).ToDictionary(p => p.First, p => p.Second);

    /// <summary>Longer than any chat message; beyond this the rest is not read.</summary>
    public const int MaxLength = 2000;

    public static (string Source, string Text) Normalize(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return ("", "");
        }

        var source = message.Length > MaxLength * 2 ? message[..(MaxLength * 2)] : message;
        source = MentionTag().Replace(source, " ").Normalize(NormalizationForm.FormKC);
        source = Spaces().Replace(source, " ").Trim();
        if (source.Length > MaxLength)
        {
            source = source[..MaxLength];
        }

        var text = new StringBuilder(source.Length);
        foreach (var c in source)
        {
            text.Append(Simplified.TryGetValue(c, out var s) ? s : char.ToLowerInvariant(c));
        }

        foreach (var (from, to) in WritingVariants.Words)
        {
            text.Replace(from, to);
        }

        return (source, text.ToString());
    }

    public static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
