namespace CampaignBot.Ledger;

/// <summary>
/// How a WeCom userid is written as a chat account: prefixed, as DingTalk's staff ids are
/// (<see cref="DingTalkAccounts"/>), so that a WeCom user can never speak for another channel's
/// account of the same spelling, nor another channel's client for a WeCom user, and so that the
/// directory can match it to the 人员 sheet's 企业微信ID. Activities of channel "wecom" carry the
/// WeCom userid as From.Id, and only the WeCom channel, which checks WeCom's own credentials, may say so.
/// </summary>
public static class WeComAccounts
{
    private const string AccountPrefix = "wecom:";

    public static string AccountOf(string userId) => AccountPrefix + userId;

    /// <summary>
    /// The userid a WeCom turn's account stands for: the prefixed form, or a bare userid (the channel
    /// vouches for it either way; only turns of the WeCom channel are read this way).
    /// </summary>
    public static string UserIdOf(string accountId) =>
        accountId.StartsWith(AccountPrefix, StringComparison.Ordinal) ? accountId[AccountPrefix.Length..] : accountId;
}
