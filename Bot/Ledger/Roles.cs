namespace CampaignBot.Ledger;

public static class Roles
{
    public const string Member = "member";
    public const string Lead = "lead";
    public const string Coordinator = "coordinator";
    public const string Leader = "leader";

    public static readonly IReadOnlyList<string> All = [Member, Lead, Coordinator, Leader];
}
