using System.Text;
using System.Text.RegularExpressions;

namespace CampaignBot.Security;

/// <summary>
/// Takes out of people's text what a terminal, a log viewer or a bidi-aware editor would obey instead
/// of show: escape sequences whole (ESC [2J clears a screen, ESC ]… sets a window title), the other
/// C0 controls but tab and line feed, DEL, the C1 controls (0x9B is a one-byte CSI), and the bidi
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text read in another order than
/// it is stored. Applied where text is kept (messages, notes, file names), printed by an operator
/// verb, or logged. Text without any of these comes back as the same string.
/// </summary>
public static partial class ControlCharacters
{
    /// <summary>The text with control characters removed; CR LF and a lone CR become LF, tab and LF stay.</summary>
    public static string Strip(string text) => Clean(text, singleLine: false);

    /// <inheritdoc cref="Strip(string)"/>
    public static string? StripOrNull(string? text) => text is null ? null : Clean(text, singleLine: false);

    /// <summary>
    /// For one line (a file name, a value in a log line, a column of operator output): line breaks and
    /// tabs become a space as well, so no value can start a forged line.
    /// </summary>
    public static string OneLine(string? text) => text is null ? "" : Clean(text, singleLine: true);

    private static string Clean(string text, bool singleLine)
    {
        if (!NeedsCleaning(text, singleLine))
        {
            return text;
        }

        var withoutSequences = EscapeSequence().Replace(text, "");
        var builder = new StringBuilder(withoutSequences.Length);
        for (var i = 0; i < withoutSequences.Length; i++)
        {
            var c = withoutSequences[i];
            if (c == '\r')
            {
                // CR LF is one line break; a lone CR (which returns a terminal's cursor to overwrite the line) is one too.
                if (i + 1 < withoutSequences.Length && withoutSequences[i + 1] == '\n')
                {
                    continue;
                }

                builder.Append(singleLine ? ' ' : '\n');
            }
            else if (c is '\n' or '\t')
            {
                builder.Append(singleLine ? ' ' : c);
            }
            else if (!IsRemoved(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsCleaning(string text, bool singleLine)
    {
        foreach (var c in text)
        {
            if (IsRemoved(c) || c == '\r' || (singleLine && c is '\n' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRemoved(char c) =>
        (c < ' ' && c is not '\n' and not '\t' and not '\r')
        || c is >= '\u007F' and <= '\u009F'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';

    /// <remarks>
    /// ECMA-48: CSI (ESC [ or 0x9B, parameters, intermediates, a final byte), the string commands OSC,
    /// DCS, SOS, PM and APC up to their terminator (BEL or ESC \) or the text's end, and the two-byte
    /// escapes (ESC and one more character). What is left of a broken sequence is removed character by character.
    /// </remarks>
    [GeneratedRegex(@"(?:\x1B\[|\x9B)[\x30-\x3F]*[\x20-\x2F]*[\x40-\x7E]?|(?:\x1B[\]PX^_]|[\x90\x98\x9D\x9E\x9F])[^\x07\x1B\x9C]*(?:\x07|\x1B\\|\x9C)?|\x1B[\x20-\x2F]*[\x30-\x7E]?")]
    private static partial Regex EscapeSequence();
}
