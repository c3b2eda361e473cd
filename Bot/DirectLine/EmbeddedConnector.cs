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
/// The bot's side of the embedded channel. Its turns and proactive messages (told by their
/// identity, never by a url) get <see cref="Factory"/>: in the process that hosts the channel, a
/// client that writes into the store (<see cref="StoreConnectorClient"/>); in an operator's
/// command (another process, whose writes would wake no open stream), a client of the running
/// bot's connector endpoint, carrying a key derived from the channel secret, which the endpoint
/// requires. Neither asks Azure AD for a token, which an intranet could not reach anyway.
/// </summary>
public sealed class EmbeddedConnector(
    DirectLineSecret secret, IHttpClientFactory httpClients, IOptions<DirectLineOptions> options, ListeningAddressFile addressFile,
    DirectLineStore store, BotActivityWriter writer, IServiceProvider services) : Bots.IInProcessConnector
{
    /// <summary>The path of the connector endpoint (for an operator's command in another process).</summary>
    public const string PathMarker = "/directline/connector/";

    private readonly Lazy<string> key = new(() => Convert.ToBase64String(secret.KeyFor("connector")));
    private readonly ConcurrentDictionary<string, IConnectorClient> endpointClients = new(StringComparer.OrdinalIgnoreCase);
    private volatile bool hostedHere;

    /// <summary>Said by the host that maps the channel's endpoints: its streams are in this process, so the bot writes into the store directly.</summary>
    public void HostHere() => hostedHere = true;

    public Microsoft.Bot.Connector.Authentication.ConnectorFactory Factory => factory ??= new Clients(this, new StoreConnectorClient(store, writer));

    private Clients? factory;

    public async Task<bool> OwnsAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        channelId == DirectLineChannel.ChannelId && await store.FindAsync(conversationId, cancellationToken) is not null;

    /// <summary>The service url the SDK asks for is ignored: the channel is this process, or the running bot as it listens now.</summary>
    private sealed class Clients(EmbeddedConnector owner, StoreConnectorClient local) : Microsoft.Bot.Connector.Authentication.ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
            Task.FromResult<IConnectorClient>(owner.hostedHere ? local : new Bots.KeptConnectorClient(owner.EndpointClient()));
    }

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
    /// A keyed client of the running bot's connector endpoint, at the bot's address as it is now
    /// (a conversation stored while the bot listened on another port still gets its reminders).
    /// </summary>
    private IConnectorClient EndpointClient() =>
        endpointClients.GetOrAdd(CurrentServiceUrl ?? throw new InvalidOperationException("The bot's own address is unknown; set DirectLine:ConnectorBaseUrl or Urls."), url => new ConnectorClient(new Uri(url), new KeyCredentials(key.Value), httpClients.CreateClient(nameof(EmbeddedConnector)), disposeHttpClient: false));

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
