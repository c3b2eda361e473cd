namespace CampaignBot.WeCom;

/// <summary>
/// A turn's replies over the long connection. The first answers the message itself
/// (aibot_respond_msg under the callback's req_id: a finished stream of markdown, with the card when
/// there is one, within 20,480 bytes); what does not fit, and any later reply, goes to the chat with
/// aibot_send_msg as markdown of at most 4,096 bytes each, then its card. A button click cannot be
/// answered under its req_id (WeCom only lets a click update its card), so its answer is sent to the chat.
/// </summary>
public sealed class WeComConnectionReplies(WeComLongConnection connection, string reqId, WeComMessage message) : IWeComReplies
{
    private bool answered = message.IsEvent;

    public async Task ReplyAsync(WeComContent content, CancellationToken cancellationToken)
    {
        if (!answered)
        {
            answered = true;
            var parts = WeComMarkdown.Split(content, WeComMarkdown.ReplyMaxBytes, WeComMarkdown.MessageMaxBytes);
            await connection.RespondAsync(reqId, WeComWire.StreamReply(WeComFrames.NewReqId("stream"), parts[0], content.Card), cancellationToken);
            foreach (var more in parts.Skip(1))
            {
                await connection.SendMessageAsync(message.ConversationId, WeComWire.Markdown(more), cancellationToken);
            }

            return;
        }

        foreach (var part in WeComMarkdown.Split(content, WeComMarkdown.MessageMaxBytes, WeComMarkdown.MessageMaxBytes))
        {
            await connection.SendMessageAsync(message.ConversationId, WeComWire.Markdown(part), cancellationToken);
        }

        if (content.Card is { } card)
        {
            await connection.SendMessageAsync(message.ConversationId, WeComWire.TemplateCard(card), cancellationToken);
        }
    }
}
