namespace CampaignBot.Ledger;

/// <summary>Who can be @-ed in a robot message, as far as the ledger knows them.</summary>
public sealed record PersonMention(long PersonId, string Name, string? Mobile, string? DingTalkUserId, string? WeComUserId);
