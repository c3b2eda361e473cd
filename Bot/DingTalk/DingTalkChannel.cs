namespace CampaignBot.DingTalk;

/// <summary>The channel's names as the rest of the bot sees them.</summary>
public static class DingTalkChannel
{
    public const string ChannelId = Security.ChannelIds.DingTalk;

    /// <summary>The authentication type of turns whose message DingTalk vouched for (a signed callback, or the app's own stream).</summary>
    public const string AuthenticationType = "DingTalk";
}
