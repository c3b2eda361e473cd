namespace CampaignBot.Ledger.Repositories;

public static class EvidenceFileStates
{
    public const string Stored = "stored";
    public const string Pending = "pending";
    public const string Failed = "failed";
    public const string Refused = "refused";
}
