using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Connector;
using Microsoft.Rest;

namespace CampaignBot.DirectLine;

/// <summary>
/// The bot's side of the embedded channel's Bot Connector endpoint: connector clients for service
/// urls under <see cref="PathMarker"/> carry a key derived from the channel secret, which the
/// endpoint requires, so only the bot (this process, or the operator's command with the same
/// secret) can post into Web Chat conversations. Such clients never ask Azure AD for a token,
/// which an intranet could not reach anyway.
/// </summary>
public sealed class EmbeddedConnector(DirectLineSecret secret, IHttpClientFactory httpClients)
{
    /// <summary>The path of the connector endpoint; a serviceUrl ending in it belongs to this channel.</summary>
    public const string PathMarker = "/directline/connector/";

    private readonly ConcurrentDictionary<string, IConnectorClient> clients = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<string> key = new(() => Convert.ToBase64String(secret.KeyFor("connector")));

    public static bool Serves(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var url) && url.AbsolutePath.EndsWith(PathMarker, StringComparison.Ordinal);

    public IConnectorClient ClientFor(string serviceUrl) =>
        clients.GetOrAdd(serviceUrl, url => new ConnectorClient(new Uri(url), new KeyCredentials(key.Value), httpClients.CreateClient(nameof(EmbeddedConnector)), disposeHttpClient: false));

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
