namespace CampaignBot.Understanding.Commands;

/// <summary>Which service a group robot named in a message posts to (添加机器人 综合组 钉钉 …); the bot maps it to its own robot kind.</summary>
public enum RobotService
{
    DingTalk,
    WeCom,
}
