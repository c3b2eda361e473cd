namespace CampaignBot.Ledger;

// The ledger's entities as the rest of the code sees them. They are init-property records rather
// than positional ones because Dapper maps SQLite's loosely typed columns onto properties by name
// (lead_office_id -> LeadOfficeId, see DapperConventions) but onto constructors only on exact types.

public sealed record Campaign
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }
}
