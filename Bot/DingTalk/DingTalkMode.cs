namespace CampaignBot.DingTalk;

/// <summary>How robot messages reach the bot: it connects out (Stream), or DingTalk posts to /api/dingtalk (Http).</summary>
public enum DingTalkMode
{
    Stream,
    Http,
}
