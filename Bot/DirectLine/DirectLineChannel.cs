using System.Security.Claims;
using CampaignBot.Bots;
using CampaignBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CampaignBot.DirectLine;

/// <summary>
/// The embedded channel's core: what a user posts is stored (the echo Web Chat waits for) and run
/// through the same CloudAdapter and bot as /api/messages; what the bot sends comes back through
/// the connector endpoint and is stored; streams of the conversation are woken either way.
/// </summary>
public sealed class DirectLineChannel(
    DirectLineStore store,
    ConversationSignals signals,
    AdapterWithErrorHandler adapter,
    EmbeddedConnector connector,
    IConfiguration configuration,
    IOptions<CampaignOptions> campaign)
{
    public const string ChannelId = "directline";

    private readonly string? appId = configuration["MicrosoftAppId"] is { Length: > 0 } configured ? configured : null;

    public ChannelAccount BotAccount => new(appId ?? "campaignbot", campaign.Value.Name, RoleTypes.Bot);

    /// <summary>Where the bot posts its activities for this channel: its own connector endpoint.</summary>
    public string ServiceUrl => connector.CurrentServiceUrl
        ?? throw new InvalidOperationException("The server has no address yet; set DirectLine:ConnectorBaseUrl.");

    /// <summary>Tells the bot that the user and the bot joined, as the cloud channel does when a conversation starts.</summary>
    public async Task StartAsync(DirectLineConversation conversation, IBot bot, CancellationToken cancellationToken)
    {
        var update = Inbound(conversation, new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [BotAccount, new ChannelAccount(conversation.UserId, conversation.UserName, RoleTypes.User)],
        });
        await RunTurnAsync(update, bot, cancellationToken);
    }

    /// <summary>Stores the user's activity (sender from the token, not the client) and runs the bot's turn on it.</summary>
    public async Task<string> PostFromUserAsync(DirectLineConversation conversation, Activity posted, IBot bot, CancellationToken cancellationToken)
    {
        var activity = Inbound(conversation, posted);
        // The transcript keeps the message without credentials (a robot's webhook key and secret);
        // the bot's turn gets it as typed.
        var typed = activity.Text;
        activity.Text = CredentialRedaction.Redact(typed);
        var (id, _) = await store.AppendAsync(activity, cancellationToken);
        activity.Text = typed;
        signals.Notify(conversation.Id);
        await RunTurnAsync(activity, bot, cancellationToken);
        return id;
    }

    /// <summary>Stores an activity the bot sent through the connector endpoint.</summary>
    public async Task<string> PostFromBotAsync(DirectLineConversation conversation, Activity sent, CancellationToken cancellationToken)
    {
        sent.ChannelId = ChannelId;
        sent.Conversation = new ConversationAccount(id: conversation.Id);
        sent.From = BotAccount;
        sent.Recipient = new ChannelAccount(conversation.UserId, conversation.UserName, RoleTypes.User);
        sent.ServiceUrl = null;
        var (id, _) = await store.AppendAsync(sent, cancellationToken);
        signals.Notify(conversation.Id);
        return id;
    }

    private Activity Inbound(DirectLineConversation conversation, Activity activity)
    {
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(isGroup: false, id: conversation.Id);
        activity.From = new ChannelAccount(conversation.UserId, conversation.UserName ?? activity.From?.Name, RoleTypes.User);
        activity.Recipient = BotAccount;
        activity.ServiceUrl = ServiceUrl;
        activity.DeliveryMode = null;
        return activity;
    }

    /// <remarks>
    /// The request was authenticated by the channel itself (its token), so the turn runs with the
    /// bot's own identity, as the SDK does for skills and proactive turns; replies go through the
    /// connector factory, which gives this channel's service url its keyed client.
    /// </remarks>
    private Task RunTurnAsync(Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        var claims = new List<Claim>();
        if (appId is not null)
        {
            claims.Add(new Claim(AuthenticationConstants.AudienceClaim, appId));
            claims.Add(new Claim(AuthenticationConstants.AppIdClaim, appId));
        }

        return adapter.ProcessAuthenticatedAsync(new ClaimsIdentity(claims, EmbeddedChannelIdentity.AuthenticationType), activity, bot, cancellationToken);
    }
}
