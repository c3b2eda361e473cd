namespace CampaignBot.Security;

/// <summary>Where group-robot webhooks may point besides DingTalk's and WeCom's own https hosts.</summary>
public sealed class RobotWebhookOptions
{
    public const string Section = "RobotWebhooks";

    /// <summary>
    /// Base addresses (scheme, host, port and path prefix) also allowed for robot webhooks: a private
    /// 政务钉钉 gateway, or a test server. Empty by default.
    /// </summary>
    public List<string> AllowedBaseUrls { get; set; } = [];
}
