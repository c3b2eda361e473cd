using CampaignBot.Ledger;

namespace CampaignBot.Chat.Understanding;

/// <summary>
/// The offices (names and aliases), people and task codes of the ledger, ready to be found anywhere in a
/// message. Built once per change of the directory by the caller (<see cref="LedgerNamesCache"/>);
/// the understanding itself does no I/O.
/// </summary>
public sealed class LedgerNames
{
    public static readonly LedgerNames Empty = new([], []);

    public LedgerNames(IEnumerable<Office> offices, IEnumerable<string> people, IEnumerable<string>? codes = null)
    {
        Codes = codes is null ? LedgerCodes.Empty : new LedgerCodes(codes);
        var names = offices
            .SelectMany(o => o.Names.Select(n => (n.ToLowerInvariant(), new KnownName(o.Name, IsOffice: true))))
            .Concat(people.Select(p => (p.ToLowerInvariant(), new KnownName(p, IsOffice: false))))
            .ToList();
        Count = names.Count;
        Scanner = new PhraseScanner<KnownName>(names);
    }

    public PhraseScanner<KnownName> Scanner { get; }

    /// <summary>The ledger's workdays: a day the reader computes (过3天, 元旦后) lands on one.</summary>
    public Scheduling.Calendar.IWorkdayCalendar Workdays { get; init; } = Scheduling.Calendar.WorkdayCalendar.WeekdaysOnly;

    /// <summary>The task codes the ledger holds, recognised as written whatever their shape.</summary>
    public LedgerCodes Codes { get; }

    /// <summary>How many names and aliases are loaded.</summary>
    public int Count { get; }
}
