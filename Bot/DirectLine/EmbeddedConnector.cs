using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Rest;

namespace CampaignBot.DirectLine;

/// <summary>
/// The bot's side of the embedded channel's Bot Connector endpoint: connector clients for service
/// urls under <see cref="PathMarker"/> carry a key derived from the channel secret, which the
/// endpoint requires, so only the bot (this process, or the operator's command with the same
/// secret) can post into Web Chat conversations. Such clients never ask Azure AD for a token,
/// which an intranet could not reach anyway.
/// </summary>
public sealed class EmbeddedConnector(DirectLineSecret secret, IHttpClientFactory httpClients, IOptions<DirectLineOptions> options, IServiceProvider services)
{
    /// <summary>The path of the connector endpoint; a serviceUrl ending in it belongs to this channel.</summary>
    public const string PathMarker = "/directline/connector/";

    private readonly ConcurrentDictionary<string, IConnectorClient> clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<string> key = new(() => Convert.ToBase64String(secret.KeyFor("connector")));

    public static bool Serves(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) && url.AbsolutePath.EndsWith(PathMarker, StringComparison.Ordinal);

    private string? current;

    /// <summary>
    /// This process's own connector endpoint: DirectLine:ConnectorBaseUrl, or the first address Kestrel
    /// listens on (a wildcard host read as 127.0.0.1); null where nothing listens (an operator's command).
    /// </summary>
    public string? CurrentServiceUrl => current ??= ResolveBase() is { } root ? root + PathMarker.TrimStart('/') : null;

    /// <summary>
    /// A client for a conversation's stored service url. The bot itself posts to its own endpoint
    /// as it is now, so a conversation stored while the bot listened on another port still gets its
    /// reminders; a process that listens nowhere uses the stored url.
    /// </summary>
    public IConnectorClient ClientFor(string serviceUrl) =>
        clients.GetOrAdd(CurrentServiceUrl ?? serviceUrl, url => new ConnectorClient(new Uri(url), new KeyCredentials(key.Value), httpClients.CreateClient(nameof(EmbeddedConnector)), disposeHttpClient: false));

    private string? ResolveBase()
    {
        if (options.Value.ConnectorBaseUrl is { Length: > 0 } configured)
        {
            return configured.TrimEnd('/') + "/";
        }

        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null)
        {
            return null;
        }

        // Kestrel reports wildcard hosts as given ("http://+:80", "http://0.0.0.0:3978", "http://[::]:3978").
        var uri = new UriBuilder(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }

        return uri.Uri.GetLeftPart(UriPartial.Authority) + "/";
    }

    /// <summary>Whether a request to the endpoint carries the key (compared in constant time).</summary>
    public bool IsAuthorized(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization[7..].Trim()), Encoding.UTF8.GetBytes(key.Value));
    }

    private sealed class KeyCredentials(string value) : ServiceClientCredentials
    {
        public override Task ProcessHttpRequestAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", value);
            return Task.CompletedTask;
        }
    }
}
