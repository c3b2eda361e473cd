using System.Text.Json.Nodes;
using CampaignBot.Chat.Outgoing;
using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Delivery;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom.Outgoing;

/// <summary>
/// Delivers an outbox message to a WeCom chat, rendered from the reply model as WeCom markdown
/// (<see cref="WeComRenderer.Proactive"/>, split by <see cref="WeComMarkdown"/> within the send's byte limit):
/// a group through the AI bot's proactive send (<c>aibot_send_msg</c> over its long connection, chatid
/// = the group's chatid); a person's 1:1 chat (its id is their userid) through the self-built app's
/// message/send when the app is configured, else through the same proactive send. Within WeCom's
/// 30 a minute per recipient (<see cref="WeComSendPace"/>), with the outbox's retries, exactly-once
/// record and gone-chat handling around it (<see cref="WeComErrors"/>).
/// </summary>
public sealed class WeComSender(
    ConversationRepository conversations, WeComApp app, IOptions<WeComAppOptions> options, WeComSendPace pace, IWeComLongConnection? connection = null) : IChannelSender
{
    public bool Delivers(MessageTarget target) => target is ChatTarget { ChannelId: WeComChannel.ChannelId };

    public async Task SendAsync(MessageTarget target, OutgoingMessage message, CancellationToken cancellationToken)
    {
        var chat = (ChatTarget)target;
        var known = await conversations.FindAsync(chat.ChannelId, chat.ConversationId, cancellationToken)
            ?? throw new InvalidOperationException($"WeCom chat {chat.ConversationId} has not written to the bot; it cannot be sent to");
        var throughApp = !known.IsGroup && options.Value.AppEnabled;
        var max = throughApp ? WeComApp.MaxMarkdownBytes : WeComMarkdown.MessageMaxBytes;
        var parts = WeComMarkdown.Split(WeComRenderer.Proactive(message.Reply), max, max);
        // A retry of a split message (the outbox retries the message it composed, this same instance)
        // goes on from the first part not yet delivered: nobody gets the first parts twice.
        var done = delivered.GetOrCreateValue(message);
        if (done.Parts >= parts.Count)
        {
            return; // all went out before the try was cut short
        }

        var slots = pace.Reserve((throughApp ? "app:" : "bot:") + chat.ConversationId, parts.Count - done.Parts);
        for (var i = done.Parts; i < parts.Count; i++)
        {
            await pace.WaitAsync(slots[i - done.Parts], cancellationToken);
            if (throughApp)
            {
                await app.SendMarkdownAsync(chat.ConversationId, parts[i], cancellationToken);
            }
            else
            {
                await SendThroughBotAsync(chat.ConversationId, parts[i], cancellationToken);
            }

            done.Parts = i + 1;
        }
    }

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<OutgoingMessage, PartsDelivered> delivered = new();

    /// <summary>How many parts of a message went out, kept as long as the outbox holds the message.</summary>
    private sealed class PartsDelivered
    {
        public int Parts { get; set; }
    }

    private async Task SendThroughBotAsync(string chatId, string markdown, CancellationToken cancellationToken)
    {
        var socket = connection ?? throw new InvalidOperationException("WeCom: the AI bot's long connection is not configured (WeCom:BotId); a group cannot be sent to");
        var ack = await socket.SendAsync("aibot_send_msg", new JsonObject
        {
            // A 1:1 chat's id is the userid, a group's its chatid: WeCom tells them apart (the official SDK sends no chat_type).
            ["chatid"] = chatId,
            ["msgtype"] = "markdown",
            ["markdown"] = new JsonObject { ["content"] = markdown },
        }, cancellationToken);
        var code = ack["errcode"] is JsonValue v && v.TryGetValue<long>(out var c) ? c : 0;
        if (code != 0)
        {
            throw WeComErrors.Of(code, ack["errmsg"]?.ToString(), "aibot_send_msg");
        }
    }
}
