using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace CampaignBot.DingTalk;

/// <summary>
/// Registers a stream connection (POST /v1.0/gateway/connections/open with the app's client id and
/// secret, subscribed to robot messages): the WebSocket endpoint to open, and its one-time ticket.
/// </summary>
public sealed class DingTalkStreamGateway(IHttpClientFactory clients, IOptions<DingTalkOptions> options)
{
    /// <summary>
    /// The client's name in DingTalk's diagnostics, in the documented form name-sdk-lang/version
    /// (developerpedia "协议描述": "格式为name-sdk-lang/version，例如 dingtalk-sdk-java/1.0.0").
    /// </summary>
    public static readonly string UserAgent = "campaignbot-sdk-dotnet/" + Version();

    private static string Version() =>
        typeof(DingTalkStreamGateway).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{Math.Max(v.Build, 0)}" : "1.0.0";

    public async Task<Uri> OpenAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var request = new JsonObject
        {
            ["clientId"] = settings.ClientId,
            ["clientSecret"] = settings.ClientSecret,
            ["subscriptions"] = new JsonArray(new JsonObject { ["type"] = "CALLBACK", ["topic"] = DingTalkStreamFrames.RobotTopic }),
            ["ua"] = UserAgent,
        };
        var answer = await DingTalkHttp.PostAsync(clients.CreateClient(DingTalkApi.HttpClientName), settings.Api("/v1.0/gateway/connections/open"),
            request, "stream registration", null, cancellationToken);
        var endpoint = DingTalkHttp.Text(answer, "endpoint");
        var ticket = DingTalkHttp.Text(answer, "ticket");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var url) || string.IsNullOrEmpty(ticket) || !Allowed(url, settings))
        {
            throw new InvalidOperationException("DingTalk answered the stream registration without a usable endpoint and ticket");
        }

        return new Uri(url, "?ticket=" + Uri.EscapeDataString(ticket));
    }

    /// <summary>DingTalk names a wss endpoint; plain ws only when the API itself is plain http (a local stand-in).</summary>
    private static bool Allowed(Uri endpoint, DingTalkOptions settings) =>
        endpoint.Scheme == Uri.UriSchemeWss || (endpoint.Scheme == Uri.UriSchemeWs && settings.ApiBaseUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
}
