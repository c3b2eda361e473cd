namespace CampaignBot.WeCom;

/// <summary>How the AI bot's messages reach the bot: it connects out (LongConnection), or WeCom posts to /api/wecom (Callback).</summary>
public enum WeComMode
{
    LongConnection,
    Callback,
}
