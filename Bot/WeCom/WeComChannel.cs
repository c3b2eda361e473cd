namespace CampaignBot.WeCom;

/// <summary>The WeCom (企业微信 / 政务微信) channel's names as the rest of the bot sees them.</summary>
public static class WeComChannel
{
    /// <summary>
    /// The channel id of every activity from WeCom. Its From.Id is the WeCom userid, its conversation
    /// the group's chatid (a group) or the userid (a 1:1 chat).
    /// </summary>
    public const string ChannelId = Security.ChannelIds.WeCom;

    /// <summary>The authentication type of turns whose message WeCom vouched for (the bot's own long connection, or a signed callback).</summary>
    public const string AuthenticationType = "WeCom";
}
