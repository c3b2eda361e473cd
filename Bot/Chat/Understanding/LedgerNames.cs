using CampaignBot.Ledger;

namespace CampaignBot.Chat.Understanding;

/// <summary>
/// The offices (names and aliases) and people of the ledger, ready to be found anywhere in a
/// message. Built once per change of the directory by the caller (<see cref="LedgerNamesCache"/>);
/// the understanding itself does no I/O.
/// </summary>
public sealed class LedgerNames
{
    public static readonly LedgerNames Empty = new([], []);

    public LedgerNames(IEnumerable<Office> offices, IEnumerable<string> people)
    {
        var names = offices
            .SelectMany(o => o.Names.Select(n => (n.ToLowerInvariant(), new KnownName(o.Name, IsOffice: true))))
            .Concat(people.Select(p => (p.ToLowerInvariant(), new KnownName(p, IsOffice: false))))
            .ToList();
        Count = names.Count;
        Scanner = new PhraseScanner<KnownName>(names);
    }

    public PhraseScanner<KnownName> Scanner { get; }

    /// <summary>How many names and aliases are loaded.</summary>
    public int Count { get; }
}
