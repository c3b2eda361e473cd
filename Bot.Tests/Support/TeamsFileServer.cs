using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 standing in for where a channel keeps the files people send: an
/// inline image that only the bot may fetch (its bearer token, as Teams and the Bot Connector's
/// attachment API require), a pre-authorised file link (a Teams file's downloadUrl, which must be
/// fetched without the bot's token), one that fails twice before it answers, one that is always gone,
/// one too large, and one whose bytes are an HTML page while it claims to be a picture.
/// </summary>
public sealed class TeamsFileServer : IAsyncDisposable
{
    public const string BotToken = "bot-token-for-test-app";

    public static readonly byte[] Pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private readonly ConcurrentDictionary<string, int> hits = new();
    private WebApplication app = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Authorization headers the pre-authorised link received (there must be none).</summary>
    public ConcurrentQueue<string> AuthorizationOnPreauthorised { get; } = new();

    public int Hits(string path) => hits.GetValueOrDefault(path);

    /// <summary>Where /redirect sends the bot.</summary>
    public string RedirectTo { get; set; } = "";

    /// <summary>How many times the flaky file fails before it answers.</summary>
    public int FlakyFailures { get; set; } = 2;

    public static async Task<TeamsFileServer> StartAsync()
    {
        var server = new TeamsFileServer();
        (server.app, server.BaseUrl) = await LoopbackServer.StartAsync(app => app.Run(server.AnswerAsync));
        return server;
    }

    private async Task AnswerAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var hit = hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        switch (path)
        {
            case "/v3/attachments/inline-1/views/original":
                if (http.Request.Headers.Authorization != $"Bearer {BotToken}")
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }

                http.Response.ContentType = "image/png";
                await http.Response.Body.WriteAsync(TestImages.Png);
                return;
            case "/sites/office/report.pdf":
                if (http.Request.Headers.Authorization.Count > 0)
                {
                    AuthorizationOnPreauthorised.Enqueue(http.Request.Headers.Authorization.ToString());
                }

                http.Response.ContentType = "application/octet-stream";
                await http.Response.Body.WriteAsync(Pdf);
                return;
            case "/flaky.png":
                if (hit <= FlakyFailures)
                {
                    http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }

                http.Response.ContentType = "image/png";
                await http.Response.Body.WriteAsync(TestImages.Png);
                return;
            case "/big.jpg":
                http.Response.ContentType = "image/jpeg";
                var chunk = new byte[64 * 1024];
                chunk[0] = 0xFF;
                chunk[1] = 0xD8;
                chunk[2] = 0xFF;
                for (var i = 0; i < 32; i++)
                {
                    await http.Response.Body.WriteAsync(chunk);
                    chunk[0] = 0;
                }

                return;
            case "/redirect":
                http.Response.Redirect(RedirectTo);
                return;
            case "/not-a-picture.png":
                http.Response.ContentType = "image/png";
                await http.Response.WriteAsync("<html><script>alert(1)</script></html>");
                return;
            default:
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
