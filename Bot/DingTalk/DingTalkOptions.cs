using System.ComponentModel.DataAnnotations;

namespace CampaignBot.DingTalk;

/// <summary>
/// The DingTalk enterprise app whose robot the bot is (section "DingTalk"). Without a client id the
/// channel is off: nothing listens and nothing connects. The two base urls are the only DingTalk
/// hosts the channel calls; tests and private 政务钉钉 gateways point them elsewhere.
/// </summary>
public sealed class DingTalkOptions
{
    public const string Section = "DingTalk";

    public DingTalkMode Mode { get; set; } = DingTalkMode.Stream;

    /// <summary>The app's Client ID (formerly AppKey).</summary>
    public string ClientId { get; set; } = "";

    /// <summary>The app's Client Secret (formerly AppSecret): signs HTTP callbacks and obtains access tokens.</summary>
    public string ClientSecret { get; set; } = "";

    /// <summary>The robot's code; for an enterprise internal app's robot it is usually the client id.</summary>
    public string RobotCode { get; set; } = "";

    [Required]
    public string ApiBaseUrl { get; set; } = "https://api.dingtalk.com";

    [Required]
    public string WebhookBaseUrl { get; set; } = "https://oapi.dingtalk.com";

    /// <summary>The longest wait between two attempts to reconnect the stream.</summary>
    [Range(1, 3600)]
    public int MaxReconnectDelaySeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);

    public string EffectiveRobotCode => string.IsNullOrWhiteSpace(RobotCode) ? ClientId : RobotCode;

    /// <summary>An address under the API base url.</summary>
    public Uri Api(string path) => new(ApiBaseUrl.TrimEnd('/') + path);
}
