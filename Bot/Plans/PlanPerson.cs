namespace CampaignBot.Plans;

/// <param name="Mobile">For DingTalk robots' @mentions; the Ids likewise for DingTalk and WeCom.</param>
public sealed record PlanPerson(string Name, string Office, string Role, IReadOnlyList<string> Accounts, string? Mobile = null, string? DingTalkUserId = null, string? WeComUserId = null);
