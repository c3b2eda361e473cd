namespace CampaignBot.Ledger;

public sealed record Person
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public long OfficeId { get; init; }
    public string OfficeName { get; init; } = "";
    public string Role { get; init; } = Roles.Member;

    /// <summary>How group robots can @ the person (DingTalk by mobile or user id, WeCom by user id).</summary>
    public string? Mobile { get; init; }
    public string? DingTalkUserId { get; init; }
    public string? WeComUserId { get; init; }

    public bool IsCoordinator => Role == Roles.Coordinator;

    /// <summary>Coordinators and leaders look at the whole campaign by default, others at their office.</summary>
    public bool SeesWholeCampaign => Role is Roles.Coordinator or Roles.Leader;
}
