namespace CampaignBot.Robots;

/// <summary>A robot message ready to post: the robot, a title (DingTalk shows it in notifications), the markdown, and whom to @.</summary>
public sealed record RobotDelivery(Robot Robot, string Title, string Markdown, IReadOnlyList<string> AtMobiles, IReadOnlyList<string> AtUserIds);

/// <summary>Who can be @-ed in a robot message, as far as the ledger knows them.</summary>
public sealed record PersonMention(long PersonId, string Name, string? Mobile, string? DingTalkUserId, string? WeComUserId);
