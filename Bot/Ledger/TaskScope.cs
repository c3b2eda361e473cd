namespace CampaignBot.Ledger;

/// <summary>Which tasks a question is about: the whole campaign or one office (as lead or co-office).</summary>
public sealed record TaskScope(long? OfficeId, string? OfficeName)
{
    public static readonly TaskScope Everything = new(null, null);

    public static TaskScope ForOffice(Office office) => new(office.Id, office.Name);

    public bool IsEverything => OfficeId is null;
}
