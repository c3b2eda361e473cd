using CampaignBot.Understanding;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// The ledger's names that occur in a message or near it (typed with another character of the same
/// sound, a code typed loosely): the only ledger data the model is shown, and the only names its
/// reading may use.
/// </summary>
public sealed record ModelCandidates(IReadOnlyList<string> Codes, IReadOnlyList<string> Offices, IReadOnlyList<string> People)
{
    /// <summary>Tasks whose titles the message quotes in part (<see cref="TaskTitleMatches"/>), with their titles.</summary>
    public IReadOnlyList<CandidateTask> Tasks { get; init; } = [];

    private const int MaxEach = 8;

    public static ModelCandidates Find(string message, LedgerNames names)
    {
        var text = TextNormalizer.Normalize(message).Text;
        if (text.Length == 0)
        {
            return new([], [], []);
        }

        var codes = names.Codes.Find(text, new bool[text.Length]).Select(c => c.Code);
        // Near: the same message with names typed in sound-alike characters corrected (才料组 → 材料组).
        var everything = Enumerable.Repeat(true, text.Length).ToArray();
        var corrected = names.Sounds.Correct(text, everything);
        var hits = names.Scanner.Scan(text).Concat(corrected is null ? [] : names.Scanner.Scan(corrected)).Select(h => h.Value).ToList();
        return new(
            codes.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxEach).ToList(),
            hits.Where(h => h.IsOffice).Select(h => h.Canonical).Distinct().Take(MaxEach).ToList(),
            hits.Where(h => !h.IsOffice).Select(h => h.Canonical).Distinct().Take(MaxEach).ToList());
    }

    public string? Code(string? named) =>
        Codes.Concat(Tasks.Select(t => t.Code)).FirstOrDefault(c => string.Equals(c, named?.Trim(), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<string> AllCodes => Codes.Concat(Tasks.Select(t => t.Code)).Distinct(StringComparer.OrdinalIgnoreCase);

    public string? Office(string? named) => Offices.FirstOrDefault(o => o == named?.Trim());

    public string? Person(string? named) => People.FirstOrDefault(p => p == named?.Trim());
}
