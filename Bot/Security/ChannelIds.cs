namespace CampaignBot.Security;

/// <summary>
/// The ids of the channels whose turns arrive through their own entry point, not /api/messages, and
/// which alone may speak for their accounts: /api/messages refuses a turn that claims one of them, the
/// evidence intake fetches their files with their own keys, and the directory reads a DingTalk staff
/// id or a WeCom userid only from a turn of that channel. They are here, below the channels' folders,
/// because those decisions of trust are taken below them; each channel's folder names its own id from
/// this list (<c>DingTalk.DingTalkChannel</c>, <c>WeCom.WeComChannel</c>).
/// </summary>
public static class ChannelIds
{
    public const string DingTalk = "dingtalk";

    public const string WeCom = "wecom";
}
