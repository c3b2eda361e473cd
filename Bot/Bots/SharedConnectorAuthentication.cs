using System.Collections.Concurrent;
using System.Security.Claims;
using CampaignBot.Security;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace CampaignBot.Bots;

/// <summary>
/// Bot Framework authentication that shares connector clients. CloudAdapter asks for a new
/// ConnectorClient on every turn, and a new client spends about 12 ms of CPU on its first send
/// (fresh JSON contract metadata); a warm one sends in 0.3 ms (measured here, bench/). A reminder
/// fan-out sends thousands, so clients are kept per (bot app id, service url, audience), as the
/// SDK's older BotFrameworkAdapter kept them. The user-token client it also makes for every turn
/// is shared the same way. Turns and proactive messages of the embedded Direct Line channel (told
/// by their identity, which only that channel's entry point makes, never by a service url) get that
/// channel's own clients; nothing else ever does, whatever url it names. A service url the bot may not call (<see cref="ChannelTrust"/>) gets a client that
/// refuses to send, so that a turn answered in the response body still runs. Everything else is
/// the configured authentication.
/// </summary>
public sealed class SharedConnectorAuthentication(BotFrameworkAuthentication inner, ChannelTrust trust, IInProcessConnector? embedded = null) : BotFrameworkAuthentication
{
    /// <summary>Channels are few (Teams has a handful of regional service urls); this bounds the cache against odd requests.</summary>
    public const int MaxSharedClients = 256;

    private readonly IInProcessConnector? embeddedChannel = embedded;
    private readonly ChannelTrust trust = trust;

    private readonly ConcurrentDictionary<(string? AppId, string ServiceUrl, string? Audience), Lazy<Task<IConnectorClient>>> clients = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<UserTokenClient>>> tokenClients = new();

    /// <remarks>
    /// The adapter makes the turn's connector client from the factory in this result, not from
    /// <see cref="CreateConnectorFactory"/>: it is wrapped too, or every incoming message would
    /// build a new client (measured: a quarter of a query's CPU, mostly user-agent regexes).
    /// </remarks>
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken) =>
        Shared(await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken));

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
        Shared(await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken));

    private AuthenticateRequestResult Shared(AuthenticateRequestResult result)
    {
        if (result.ConnectorFactory is { } factory and not SharedFactory)
        {
            result.ConnectorFactory = new SharedFactory(this, factory, AppIdOf(result.ClaimsIdentity));
        }

        return result;
    }

    public override async Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
    {
        var key = AppIdOf(claimsIdentity) ?? string.Empty;
        var shared = tokenClients.GetOrAdd(key, _ => new Lazy<Task<UserTokenClient>>(() => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));
        try
        {
            return new KeptUserTokenClient(await shared.Value);
        }
        catch
        {
            tokenClients.TryRemove(new KeyValuePair<string, Lazy<Task<UserTokenClient>>>(key, shared));
            throw;
        }
    }

    /// <summary>The bot's own app id: the audience of a channel's token, or the identity a proactive turn is made with.</summary>
    private static string? AppIdOf(ClaimsIdentity identity) =>
        identity.FindFirst(AuthenticationConstants.AudienceClaim)?.Value ?? identity.FindFirst(AuthenticationConstants.AppIdClaim)?.Value;

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        EmbeddedChannelIdentity.Is(claimsIdentity) && embeddedChannel is { } embedded
            ? embedded.Factory
            : new SharedFactory(this, inner.CreateConnectorFactory(claimsIdentity), AppIdOf(claimsIdentity));

    private sealed class SharedFactory(SharedConnectorAuthentication owner, ConnectorFactory factory, string? appId) : ConnectorFactory
    {
        public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
        {
            // With an app id every request (and so every stored service url) came with a validated
            // channel token; without one, only the hosts allowed for unauthenticated callers.
            // The SDK's stand-in for a skill that sent no token carries a reserved app id: not authenticated.
            if (!owner.trust.MayCall(serviceUrl, authenticated: appId is { Length: > 0 } && appId != AuthenticationConstants.AnonymousSkillAppId))
            {
                return new KeptConnectorClient(RefusingConnector.For(serviceUrl));
            }

            var key = (appId, serviceUrl, audience);
            if (owner.clients.Count >= MaxSharedClients && !owner.clients.ContainsKey(key))
            {
                // Service urls come from requests; past a sane number of channels, stop keeping them
                // (without an app id anyone can post any url), and let the turn dispose its own client.
                return await factory.CreateAsync(serviceUrl, audience, cancellationToken);
            }

            var shared = owner.clients.GetOrAdd(key, _ => new Lazy<Task<IConnectorClient>>(() => factory.CreateAsync(serviceUrl, audience, CancellationToken.None)));
            try
            {
                return new KeptConnectorClient(await shared.Value);
            }
            catch
            {
                // A failed creation is not kept: the next turn tries again.
                owner.clients.TryRemove(new KeyValuePair<(string?, string, string?), Lazy<Task<IConnectorClient>>>(key, shared));
                throw;
            }
        }
    }

    /// <summary>The shared user-token client as one turn sees it; disposing it at the turn's end leaves the shared one open.</summary>
    private sealed class KeptUserTokenClient(UserTokenClient client) : UserTokenClient
    {
        public override Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            client.GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            client.GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            client.SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            client.GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            client.GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            client.ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        protected override void Dispose(bool disposing)
        {
        }
    }
}
