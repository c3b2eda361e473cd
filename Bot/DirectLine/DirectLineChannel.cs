using System.Collections.Concurrent;
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

    /// <summary>The starts running now, by conversation: a second start of the same conversation waits for the first's greeting.</summary>
    private readonly ConcurrentDictionary<string, Task> starting = new();

    /// <summary>
    /// Tells the bot that the user and the bot joined, as the cloud channel does when a conversation
    /// starts, unless the conversation already has activities; true when this call did. Once per
    /// conversation even when two starts overlap (a page reloaded while the bot was greeting): the
    /// later one waits for the earlier, then finds the greeting stored. Not cancelled with the
    /// request, for the reason given at <see cref="PostFromUserAsync"/>.
    /// </summary>
    public async Task<bool> StartOnceAsync(DirectLineConversation conversation, IBot bot)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = starting.GetOrAdd(conversation.Id, done.Task);
        if (running != done.Task)
        {
            // However the other start ended (a failure is its caller's to report), the conversation
            // is started now: the greeting, or the error handler's reply, is stored.
            await running;
            return false;
        }

        try
        {
            // Looked at while holding the conversation's start, so a start that comes just after
            // another has finished sees what that one stored.
            if (await store.LatestWatermarkAsync(conversation.Id, CancellationToken.None) > 0)
            {
                return false;
            }

            var update = Inbound(conversation, new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                MembersAdded = [BotAccount, new ChannelAccount(conversation.UserId, conversation.UserName, RoleTypes.User)],
            });
            await RunTurnAsync(update, bot);
            return true;
        }
        finally
        {
            starting.TryRemove(KeyValuePair.Create(conversation.Id, done.Task));
            done.SetResult();
        }
    }

    /// <summary>Stores the user's activity (sender from the token, not the client) and runs the bot's turn on it.</summary>
    /// <remarks>
    /// Takes no cancellation token, on purpose: once a message is accepted, its turn runs to the end
    /// even if the client goes away (a page reloaded or closed while the bot answers). Cancelled with
    /// the request, the turn failed halfway and the error handler wrote its apology into the
    /// conversation instead of the answer, or the message was stored and never answered.
    /// </remarks>
    public async Task<string> PostFromUserAsync(DirectLineConversation conversation, Activity posted, IBot bot)
    {
        var activity = Inbound(conversation, posted);
        // The transcript keeps the message without credentials (a robot's webhook key and secret);
        // the bot's turn gets it as typed.
        // Without control characters in either: what is kept is printed to terminals and logs later.
        StoredText.Clean(activity);
        var typed = activity.Text;
        activity.Text = CredentialRedaction.Redact(typed);
        var id = await store.AppendAsync(activity, CancellationToken.None);
        activity.Text = typed;
        signals.Notify(conversation.Id);
        await RunTurnAsync(activity, bot);
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
    /// The turn is not tied to the request that brought it (see <see cref="PostFromUserAsync"/>); the
    /// host's graceful shutdown waits for requests in flight, so a stopping bot finishes it too.
    /// </remarks>
    private Task RunTurnAsync(Activity activity, IBot bot) =>
        adapter.ProcessAuthenticatedAsync(EmbeddedChannelIdentity.Create(appId), activity, bot, CancellationToken.None);
}
