using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.WeCom.Outgoing;

/// <summary>
/// WeCom's errcodes in the outbox's three classes, as the brief groups them from WeCom's global code
/// table (docs/wecom.md "Sending"): worth retrying (busy, rate limits), the access token to renew
/// (then one more try), and undeliverable; the last split into "this chat or person is not there"
/// (<see cref="TargetGoneException"/>: the chat is unbound and the coordinators told) and everything
/// else (a configuration or content error: the message fails and shows in the weekly report). An
/// unknown code is a failure, never a retry loop, and the message quotes WeCom's code and text.
/// </summary>
public static class WeComErrors
{
    /// <summary>WeCom counts per minute (30 a minute to one member): after a rate-limit answer, wait for the next minute.</summary>
    public static readonly TimeSpan RateLimitWait = TimeSpan.FromSeconds(60);

    /// <summary>-1 busy, 6000 data version conflict, 45009 over the call limit, 45033 too many concurrent calls.</summary>
    private static readonly HashSet<long> Retry = [-1, 6000, 45009, 45033];

    /// <summary>40001 bad credential, 40014 bad token, 42001 token expired, 41001 token missing.</summary>
    private static readonly HashSet<long> TokenCodes = [40001, 40014, 42001, 41001];

    /// <summary>
    /// The recipient is not there: 81013 all recipients invalid or out of range, 60111 / 40003 / 46004
    /// no such user, 60021 / 50002 outside the app's visible range, 86003 no such chat.
    /// </summary>
    private static readonly HashSet<long> RecipientGone = [81013, 60111, 40003, 46004, 60021, 50002, 86003];

    public static bool IsTokenProblem(long errcode) => TokenCodes.Contains(errcode);

    /// <summary>The exception for a non-zero errcode of a send (<paramref name="what"/> names the call).</summary>
    public static Exception Of(long errcode, string? errmsg, string what)
    {
        var message = $"WeCom {what}: errcode {errcode} {Short(errmsg)}".TrimEnd();
        return errcode switch
        {
            45009 or 45033 => new TransientSendException(message, RateLimitWait),
            _ when Retry.Contains(errcode) => new TransientSendException(message),
            _ when RecipientGone.Contains(errcode) => new TargetGoneException(message),
            // 40001 / 40091 / 40013 at gettoken, or a token refused again after renewal: a configuration error, not a loop.
            _ => new InvalidOperationException(message),
        };
    }

    /// <summary>WeCom's errmsg carries a hint url and request id; the first 200 characters are enough for the record.</summary>
    private static string Short(string? errmsg) => errmsg is null ? "" : errmsg.Length <= 200 ? errmsg : errmsg[..200];
}
