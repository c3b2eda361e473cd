using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for DingTalk's and WeCom's robot webhooks. It checks
/// what those services check (DingTalk: the access token, and with 加签 a timestamp within an hour
/// and the HMAC-SHA256 signature recomputed here; WeCom: the key and the 4,096-byte markdown limit),
/// answers with their errcodes, and records what it accepted. Like the gateways and proxies in front
/// of some intranets, it refuses a body sent without a Content-Length (chunked) with HTTP 411.
/// </summary>
public sealed class FakeRobotServer : IAsyncDisposable
{
    public const string DingTalkToken = "dt-token-0123456789abcdef";
    public const string DingTalkSecret = "SECfake0123456789abcdefghijklmnopqrstuvwxyz";
    public const string WeComKey = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

    private WebApplication app = null!;
    private int attempts;

    public string BaseUrl { get; private set; } = "";

    public string DingTalkUrl => $"{BaseUrl}dingtalk/robot/send?access_token={DingTalkToken}";

    public string WeComUrl => $"{BaseUrl}wecom/webhook/send?key={WeComKey}";

    /// <summary>Requests refused with 411 because they carried no Content-Length.</summary>
    public int LengthRequired => lengthRequired;

    private int lengthRequired;

    /// <summary>Accepted messages: "dingtalk" or "wecom", and the JSON body.</summary>
    public ConcurrentQueue<(string Service, JsonNode Body)> Received { get; } = new();

    public int Attempts => attempts;

    /// <summary>The fake service's clock, for DingTalk's one-hour timestamp window.</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UnixEpoch;

    /// <summary>Given the 1-based attempt, an (errcode, errmsg) to answer instead of success, or null.</summary>
    public Func<int, (int Code, string Message)?> Refuse { get; set; } = _ => null;

    public static async Task<FakeRobotServer> StartAsync()
    {
        var server = new FakeRobotServer();
        (server.app, server.BaseUrl) = await LoopbackServer.StartAsync(app => server.Map(app));
        return server;
    }

    private void Map(WebApplication app)
    {
        var server = this;
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is null)
            {
                Interlocked.Increment(ref server.lengthRequired);
                context.Response.StatusCode = StatusCodes.Status411LengthRequired;
                return;
            }

            await next(context);
        });
        app.MapPost("/dingtalk/robot/send", async (HttpRequest request) =>
        {
            var attempt = Interlocked.Increment(ref server.attempts);
            var body = (await JsonNode.ParseAsync(request.Body))!;
            if (request.Query["access_token"] != DingTalkToken)
            {
                return Error(300001, "token is not exist");
            }

            if (!long.TryParse(request.Query["timestamp"], out var timestamp)
                || Math.Abs(server.Now().ToUnixTimeMilliseconds() - timestamp) > TimeSpan.FromHours(1).TotalMilliseconds)
            {
                return Error(310000, "invalid timestamp");
            }

            var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(DingTalkSecret), Encoding.UTF8.GetBytes($"{timestamp}\n{DingTalkSecret}")));
            if (request.Query["sign"] != expected)
            {
                return Error(310000, "sign not match");
            }

            return server.Accept("dingtalk", body, attempt);
        });
        app.MapPost("/wecom/webhook/send", async (HttpRequest request) =>
        {
            var attempt = Interlocked.Increment(ref server.attempts);
            var body = (await JsonNode.ParseAsync(request.Body))!;
            if (request.Query["key"] != WeComKey)
            {
                return Error(93000, "invalid webhook url");
            }

            var content = body["markdown"]?["content"]?.GetValue<string>() ?? "";
            return Encoding.UTF8.GetByteCount(content) > 4096 ? Error(40058, "markdown.content exceed max length 4096") : server.Accept("wecom", body, attempt);
        });
    }

    private IResult Accept(string service, JsonNode body, int attempt)
    {
        if (Refuse(attempt) is { } refusal)
        {
            return Error(refusal.Code, refusal.Message);
        }

        Received.Enqueue((service, body));
        return Error(0, "ok");
    }

    // Both services answer HTTP 200 with an errcode, success included.
    private static IResult Error(int code, string message) => Results.Json(new { errcode = code, errmsg = message });

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
