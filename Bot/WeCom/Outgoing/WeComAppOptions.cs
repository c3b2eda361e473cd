using System.ComponentModel.DataAnnotations;

namespace CampaignBot.WeCom.Outgoing;

/// <summary>
/// The self-built app (自建应用) the bot may send 1:1 messages through (message/send), read from the
/// same "WeCom" section as the AI bot's settings: the corp id, the app's agent id and secret, and the
/// API host (a 政务微信 or private deployment has its own). Without CorpId, AgentId and AppSecret the
/// app is off, and 1:1 reminders go through the AI bot's proactive send instead.
/// </summary>
public sealed class WeComAppOptions
{
    public const string Section = "WeCom";

    public string CorpId { get; set; } = "";

    public long AgentId { get; set; }

    public string AppSecret { get; set; } = "";

    [Required]
    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    public bool AppEnabled => CorpId.Length > 0 && AgentId > 0 && AppSecret.Length > 0;

    /// <summary>An API path under the configured host (ApiBaseUrl may carry a path prefix of its own).</summary>
    public Uri Api(string pathAndQuery) => new(ApiBaseUrl.TrimEnd('/') + pathAndQuery);
}
