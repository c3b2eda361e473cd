using System.ComponentModel.DataAnnotations;

namespace CampaignBot.WeCom;

/// <summary>
/// The WeCom AI bot (智能机器人) the bot answers as (section "WeCom"; the self-built app's settings in
/// the same section are bound by the outgoing part). Without a bot id the channel is off: nothing
/// connects and /api/wecom answers 404. ApiBaseUrl is the only WeCom host the callback mode posts to
/// (its response urls must be under it); a 政务微信 or private deployment sets its own.
/// </summary>
public sealed class WeComOptions
{
    public const string Section = "WeCom";

    public WeComMode Mode { get; set; } = WeComMode.LongConnection;

    /// <summary>The AI bot's id (BotID in the bot's API settings).</summary>
    public string BotId { get; set; } = "";

    /// <summary>The long connection's secret (Secret in the bot's API settings).</summary>
    public string BotSecret { get; set; } = "";

    /// <summary>The long connection's address (docs/wecom.md; the official SDKs' default).</summary>
    [Required]
    public string WebSocketUrl { get; set; } = "wss://openws.work.weixin.qq.com";

    /// <summary>The callback's Token: signs each callback.</summary>
    public string Token { get; set; } = "";

    /// <summary>The callback's EncodingAESKey (43 characters): encrypts each callback.</summary>
    public string EncodingAESKey { get; set; } = "";

    [Required]
    public string ApiBaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    /// <summary>How often the long connection sends its ping (the official SDK's default: 30 s).</summary>
    [Range(1, 600)]
    public int PingIntervalSeconds { get; set; } = 30;

    /// <summary>The longest wait between two attempts to reconnect (the official SDK caps at 30 s).</summary>
    [Range(1, 3600)]
    public int MaxReconnectDelaySeconds { get; set; } = 30;

    /// <summary>
    /// How long to stay away after WeCom said another connection took this bot over
    /// (disconnected_event): reconnecting at once would throw the other instance off in turn.
    /// </summary>
    [Range(1, 86_400)]
    public int TakenOverPauseSeconds { get; set; } = 300;

    /// <summary>
    /// Callback mode: how long a callback waits for the turn's first reply to answer it in the HTTP
    /// response (with its card); WeCom gives up after five seconds. A slower turn answers through the
    /// message's response url (markdown only).
    /// </summary>
    [Range(0, 4000)]
    public int CallbackReplyWaitMilliseconds { get; set; } = 3000;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotId);
}
