namespace CampaignBot.Ledger;

/// <summary>
/// How a DingTalk staff id is written as a chat account: prefixed, so that it can never be mistaken
/// for another channel's account id, and so that the directory can match it to the 人员 sheet's 钉钉ID.
/// </summary>
public static class DingTalkAccounts
{
    private const string AccountPrefix = "dingtalk:";

    public static string AccountOf(string staffId) => AccountPrefix + staffId;

    /// <summary>The staff id of a DingTalk account, or null for any other account.</summary>
    public static string? StaffIdOf(string? accountId) =>
        accountId is not null && accountId.StartsWith(AccountPrefix, StringComparison.Ordinal) && accountId.Length > AccountPrefix.Length
            ? accountId[AccountPrefix.Length..]
            : null;
}
