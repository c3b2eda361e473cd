using CampaignBot.Chat.Handlers;
using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;
using Microsoft.Extensions.Options;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// Writes what the outbox sends, from the ledger as it is at send time and in the recipient's
/// language (the language people last wrote in in that chat; the campaign's default for robots and
/// chats that have not spoken): an office's (or person's) reminders with escalations, the weekly
/// report, and notices. The channel's sender then shapes it (cards, markdown, ActionCard).
/// </summary>
public sealed class OutgoingMessageComposer(
    TaskRepository tasks, ConversationRepository conversations, RobotRepository robots, WeeklyReportWriter report,
    NoticeComposer notices, CampaignClock clock, IOptions<CampaignOptions> campaign, IOptions<ReminderOptions> reminders) : IMessageComposer<OutgoingMessage>
{
    public async Task<OutgoingMessage> ComposeAsync(ClaimedMessage message, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipient = await RecipientAsync(message.Target, cancellationToken);
        var texts = ReplyTexts.For(recipient.Language).On(clock.Today);
        return message.Content switch
        {
            ReminderList list => await RemindersAsync(recipient, texts, message.SendDay, list.Items, cancellationToken),
            WeeklyReport => new OutgoingMessage(await report.WriteAsync(texts, message.SendDay, now, withChart: !recipient.IsRobot, cancellationToken), recipient.Language),
            Notice notice => new OutgoingMessage(await notices.ComposeAsync(notice, texts, cancellationToken), recipient.Language),
            _ => throw new InvalidOperationException($"Message {message.Id} carries {message.Content.GetType().Name}, which nothing composes"),
        };
    }

    /// <summary>Who a message is for: how to address them, in which language, and whether a robot (which cannot hear replies).</summary>
    private sealed record Recipient(string Audience, ReplyLanguage Language, bool IsRobot);

    private async Task<OutgoingMessage> RemindersAsync(Recipient recipient, ReplyTexts texts, DateOnly sendDay, IReadOnlyList<ReminderItem> items, CancellationToken cancellationToken)
    {
        var byId = (await tasks.ByIdsAsync(items.Select(i => i.TaskId), cancellationToken)).ToDictionary(t => t.Id);
        var escalated = items.Where(i => i.Kind == ReminderKinds.Escalation).Select(i => byId[i.TaskId]).OrderBy(t => t.DueOn).ThenBy(t => t.Code).ToList();
        var reminded = items.Where(i => i.Kind != ReminderKinds.Escalation).Select(i => byId[i.TaskId]).Distinct().OrderBy(t => t.DueOn).ThenBy(t => t.Code).ToList();

        var headers = new List<string>();
        if (reminded.Count > 0)
        {
            headers.Add(texts.ReminderHeader(recipient.Audience, sendDay, reminded.Count));
        }

        if (escalated.Count > 0)
        {
            headers.Add(texts.EscalationHeader(escalated.Count, reminders.Value.EscalateOnOverdueWorkday));
        }

        // Escalated tasks follow the office's own reminders, each marked 【督办】.
        var listedTasks = reminded.Concat(escalated).ToList();
        var listed = TaskItems.List(string.Join("\n", headers), listedTasks, texts, clock.Today);
        var marked = listed.Items.Select((item, i) => i >= reminded.Count ? item with { Title = texts.EscalationTag + item.Title } : item).ToList();
        var chatUrl = string.IsNullOrWhiteSpace(campaign.Value.ChatUrl) ? null : campaign.Value.ChatUrl;
        return new OutgoingMessage(listed with { Items = marked }, recipient.Language)
        {
            Owners = listedTasks.Where(t => t.OwnerId is not null).Select(t => t.OwnerId!.Value).Distinct().ToList(),
            RobotDoneHint = recipient.IsRobot ? texts.RobotDoneHint(chatUrl, listedTasks[0].Code) : null,
        };
    }

    /// <summary>A robot is addressed by its office; a chat by its office or its person, in the language it writes in.</summary>
    private async Task<Recipient> RecipientAsync(MessageTarget target, CancellationToken cancellationToken)
    {
        var fallback = campaign.Value.DefaultLanguage;
        switch (target)
        {
            case RobotTarget robotTarget:
                var robot = await robots.FindAsync(robotTarget.RobotId, cancellationToken)
                    ?? throw new InvalidOperationException($"No robot {target} is known (it was removed).");
                return new Recipient(robot.OfficeName, fallback, IsRobot: true);

            case ChatTarget chat:
                var conversation = await conversations.FindAsync(chat.ChannelId, chat.ConversationId, cancellationToken)
                    ?? throw new InvalidOperationException($"No conversation {target} is known.");
                return new Recipient(
                    conversation.BoundOfficeName ?? conversation.BoundPersonName ?? conversation.PersonName ?? conversation.Title ?? "",
                    Enum.TryParse<ReplyLanguage>(conversation.Language, out var language) ? language : fallback,
                    IsRobot: false);

            default:
                throw new InvalidOperationException($"No recipient of the kind {target.GetType().Name} is known.");
        }
    }
}
