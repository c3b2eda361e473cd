namespace CampaignBot.DingTalk;

/// <summary>The channel's names as the rest of the bot sees them.</summary>
public static class DingTalkChannel
{
    public const string ChannelId = "dingtalk";

    /// <summary>The authentication type of turns whose message DingTalk vouched for (a signed callback, or the app's own stream).</summary>
    public const string AuthenticationType = "DingTalk";

    private const string AccountPrefix = "dingtalk:";

    /// <summary>
    /// A staff id as a chat account: prefixed, so that it can never be mistaken for another channel's
    /// account id, and so that the directory can match it to the 人员 sheet's 钉钉ID.
    /// </summary>
    public static string AccountOf(string staffId) => AccountPrefix + staffId;

    /// <summary>The staff id of a DingTalk account, or null for any other account.</summary>
    public static string? StaffIdOf(string? accountId) =>
        accountId is not null && accountId.StartsWith(AccountPrefix, StringComparison.Ordinal) && accountId.Length > AccountPrefix.Length
            ? accountId[AccountPrefix.Length..]
            : null;
}
