namespace CampaignBot.Ledger;

/// <summary>
/// The WeCom channel's id where the folders below Bot/WeCom need it (the directory, /api/messages):
/// activities of channel "wecom" carry the WeCom userid as From.Id, and only the WeCom channel,
/// which checks WeCom's own credentials, may say so.
/// </summary>
public static class WeComAccounts
{
    public const string ChannelId = "wecom";
}
