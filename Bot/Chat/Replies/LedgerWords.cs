using CampaignBot.Ledger;

namespace CampaignBot.Chat.Replies;

/// <summary>
/// The names a reply takes from the live ledger rather than from the sample: the coordinators' office
/// (the office of kind leadership) where people are sent, and an office, another office and a person
/// for the help's examples. Null where the ledger has none; the texts then name the role (协调员) or a
/// placeholder (&lt;单位&gt;), never an office the ledger does not hold.
/// </summary>
public sealed record LedgerWords(string? LeadershipOffice, string? Office, string? OtherOffice, string? Person)
{
    public static readonly LedgerWords None = new(null, null, null, null);

    /// <param name="offices">In the ledger's order: the first two offices that are not the leadership's are the examples.</param>
    public static LedgerWords From(IEnumerable<Office> offices, IEnumerable<Person> people)
    {
        var all = offices.ToList();
        var leadership = all.FirstOrDefault(o => o.Kind == Ledger.Office.LeadershipKind)?.Name;
        var working = all.Where(o => o.Kind != Ledger.Office.LeadershipKind).Select(o => o.Name).ToList();
        var other = working.Count > 1 ? working[1] : null;
        var staff = people.Where(p => p.OfficeName != leadership).ToList();
        var person = (staff.FirstOrDefault(p => p.OfficeName == other) ?? staff.FirstOrDefault())?.Name;
        return new LedgerWords(leadership, working.FirstOrDefault(), other, person);
    }
}
