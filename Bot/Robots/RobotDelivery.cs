using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
namespace CampaignBot.Robots;

/// <summary>A robot message ready to post: the robot, a title (DingTalk shows it in notifications), the markdown, and whom to @.</summary>
public sealed record RobotDelivery(Robot Robot, string Title, string Markdown, IReadOnlyList<string> AtMobiles, IReadOnlyList<string> AtUserIds);
