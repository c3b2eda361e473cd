using Microsoft.Extensions.Options;

namespace CampaignBot.Security;

/// <summary>
/// Which webhook addresses a robot may have: https on the hosts DingTalk and WeCom publish, or under
/// a configured base address. Checked when a robot is added (chat or configuration) and again before
/// every send, so a robot stored before the rule existed cannot make the bot post elsewhere.
/// </summary>
public sealed class RobotWebhookPolicy(IOptions<RobotWebhookOptions> options)
{
    /// <summary>DingTalk's custom robots (oapi.dingtalk.com/robot/send) and WeCom's group robots (qyapi.weixin.qq.com/cgi-bin/webhook/send).</summary>
    public static readonly IReadOnlyList<string> OfficialBaseUrls = ["https://oapi.dingtalk.com/", "https://qyapi.weixin.qq.com/"];

    private readonly Uri[] allowed = OfficialBaseUrls.Concat(options.Value.AllowedBaseUrls)
        .Select(u => Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri) ? uri : null)
        .OfType<Uri>()
        .ToArray();

    /// <summary>The allowed base addresses, for messages that say what is accepted.</summary>
    public IEnumerable<string> AllowedBases => allowed.Select(u => u.GetLeftPart(UriPartial.Path));

    public bool Allows(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var target)
        && string.IsNullOrEmpty(target.UserInfo)
        && allowed.Any(b => IsUnder(target, b));

    /// <summary>Whether an address lies under a base address: same scheme, host and port, and a path below the base's.</summary>
    public static bool IsUnder(Uri target, Uri baseUrl) =>
        target.Scheme == baseUrl.Scheme
        && string.Equals(target.IdnHost, baseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
        && target.Port == baseUrl.Port
        && target.AbsolutePath.StartsWith(baseUrl.AbsolutePath.EndsWith('/') ? baseUrl.AbsolutePath : baseUrl.AbsolutePath + "/", StringComparison.Ordinal);
}
