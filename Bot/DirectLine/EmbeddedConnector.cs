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
public sealed class EmbeddedConnector(
    DirectLineSecret secret, IHttpClientFactory httpClients, IOptions<DirectLineOptions> options, ListeningAddressFile addressFile, IServiceProvider services) : Bots.IInProcessConnector
{
    /// <summary>The path of the connector endpoint; a serviceUrl ending in it belongs to this channel.</summary>
    public const string PathMarker = "/directline/connector/";

    private readonly ConcurrentDictionary<string, IConnectorClient> clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<string> key = new(() => Convert.ToBase64String(secret.KeyFor("connector")));

    public static bool Serves(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) && url.AbsolutePath.EndsWith(PathMarker, StringComparison.Ordinal);

    bool Bots.IInProcessConnector.Serves(string serviceUrl) => Serves(serviceUrl);

    private string? current;

    /// <summary>
    /// This process's own connector endpoint: DirectLine:ConnectorBaseUrl, or the first address Kestrel
    /// listens on, or (in an operator's command) where the running bot recorded that it listens, or
    /// the first of Urls (a wildcard host read as 127.0.0.1); null when none is known.
    /// </summary>
    public string? CurrentServiceUrl => CurrentRoot is { } root ? root + PathMarker.TrimStart('/') : null;

    /// <summary>The bot's base address the connector endpoint is under (e.g. http://127.0.0.1:5417/), as <see cref="CurrentServiceUrl"/> finds it.</summary>
    public string? CurrentRoot
    {
        get
        {
            if (current is not null)
            {
                return current;
            }

            var (root, final) = Listening();
            return final ? current = root : root;
        }
    }

    /// <summary>
    /// A client for a conversation's stored service url. The bot always posts to its own endpoint
    /// as it is now, never to the stored address: a conversation stored while the bot listened on
    /// another port still gets its reminders, and a stored url that merely ends like this channel's
    /// never receives the channel's key.
    /// </summary>
    public IConnectorClient ClientFor(string serviceUrl) =>
        clients.GetOrAdd(CurrentServiceUrl ?? throw new InvalidOperationException("The bot's own address is unknown; set DirectLine:ConnectorBaseUrl or Urls."), url => new ConnectorClient(new Uri(url), new KeyCredentials(key.Value), httpClients.CreateClient(nameof(EmbeddedConnector)), disposeHttpClient: false));

    /// <summary>
    /// Where this process listens, once it does; in an operator's command (which never listens), where
    /// the running bot recorded it listens; before either, the configured Urls, not kept.
    /// </summary>
    private (string? Root, bool Final) Listening()
    {
        if (options.Value.ConnectorBaseUrl is { Length: > 0 } configured)
        {
            return (configured.TrimEnd('/') + "/", true);
        }

        var listening = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (listening is not null)
        {
            return (Authority(listening), true);
        }

        if (addressFile.Read() is { } recorded)
        {
            return (recorded, false);
        }

        var configuredUrls = services.GetService<IConfiguration>()?["Urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return (configuredUrls is null ? null : Authority(configuredUrls), false);
    }

    /// <summary>Kestrel reports wildcard hosts as given ("http://+:80", "http://0.0.0.0:3978", "http://[::]:3978"); the bot calls itself on 127.0.0.1.</summary>
    private static string Authority(string address)
    {
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
