using CampaignBot.Bots;
using CampaignBot.Security;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CampaignBot.DirectLine;

/// <summary>
/// The embedded channel's core: what a user posts is stored (the echo Web Chat waits for) and run
/// through the same CloudAdapter and bot as /api/messages, with the channel's own identity; what
/// the bot sends in those turns (and proactively, to the channel's chats) is written into the store
/// by the channel's connector client, without leaving the process (<see cref="StoreConnectorClient"/>);
/// streams of the conversation are woken either way.
/// </summary>
public sealed class DirectLineChannel(
    DirectLineStore store,
    ConversationSignals signals,
    AdapterWithErrorHandler adapter,
    BotActivityWriter writer,
    IConfiguration configuration)
{
    public const string ChannelId = "directline";

    private readonly string? appId = configuration["MicrosoftAppId"] is { Length: > 0 } configured ? configured : null;

    public ChannelAccount BotAccount => writer.BotAccount;

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
        var id = await store.AppendAsync(activity, cancellationToken);
        activity.Text = typed;
        signals.Notify(conversation.Id);
        await RunTurnAsync(activity, bot, cancellationToken);
        return id;
    }

    /// <remarks>
    /// The service url is not an address: the channel's replies never leave the process, and a chat
    /// stored with it is known as this channel's by the identity its turns ran with.
    /// </remarks>
    private Activity Inbound(DirectLineConversation conversation, Activity activity)
    {
        activity.ChannelId = ChannelId;
        activity.Conversation = new ConversationAccount(isGroup: false, id: conversation.Id);
        activity.From = new ChannelAccount(conversation.UserId, conversation.UserName ?? activity.From?.Name, RoleTypes.User);
        activity.Recipient = BotAccount;
        activity.ServiceUrl = EmbeddedChannelIdentity.ServiceUrl;
        activity.DeliveryMode = null;
        return activity;
    }

    /// <remarks>
    /// The request was authenticated by the channel itself (its token), so the turn runs with the
    /// bot's own identity marked as this channel's, as the SDK does for skills and proactive turns;
    /// for that identity the connector factory gives the client that writes into the store.
    /// </remarks>
    private Task RunTurnAsync(Activity activity, IBot bot, CancellationToken cancellationToken) =>
        adapter.ProcessAuthenticatedAsync(EmbeddedChannelIdentity.Create(appId), activity, bot, cancellationToken);
}
