using CampaignBot.Chat.Handlers;
using CampaignBot.Chat.Replies;
using CampaignBot.Data.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Robots;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace CampaignBot.Reminders;

/// <summary>
/// Writes proactive messages from the ledger as it is at send time: an office's (or person's)
/// reminders with escalations, the weekly report, and notices, in the campaign's default language.
/// Each is composed once and delivered in the target's form: a Bot Framework activity (hero cards
/// with 完成 buttons) for a chat, markdown for a group robot.
/// </summary>
public sealed class ReminderMessageBuilder(
    TaskRepository tasks, ConversationRepository conversations, DirectoryRepository directory, RobotRepository robots,
    CampaignClock clock, IOptions<CampaignOptions> campaign, IOptions<ReminderOptions> reminders)
{
    private ReplyTexts Texts => ReplyTexts.For(campaign.Value.DefaultLanguage);

    public async Task<object> RemindersAsync(string target, DateOnly sendDay, IReadOnlyList<(long TaskId, string Kind)> items, CancellationToken cancellationToken)
    {
        var byId = (await tasks.ByIdsAsync(items.Select(i => i.TaskId), cancellationToken)).ToDictionary(t => t.Id);
        var escalated = items.Where(i => i.Kind == ReminderKinds.Escalation).Select(i => byId[i.TaskId]).OrderBy(t => t.DueOn).ThenBy(t => t.Code).ToList();
        var reminded = items.Where(i => i.Kind != ReminderKinds.Escalation).Select(i => byId[i.TaskId]).Distinct().OrderBy(t => t.DueOn).ThenBy(t => t.Code).ToList();

        var headers = new List<string>();
        if (reminded.Count > 0)
        {
            headers.Add(Texts.ReminderHeader(await AudienceAsync(target, cancellationToken), sendDay, reminded.Count));
        }

        if (escalated.Count > 0)
        {
            headers.Add(Texts.EscalationHeader(escalated.Count, reminders.Value.EscalateOnOverdueWorkday));
        }

        // Escalated tasks follow the office's own reminders, each marked 【督办】.
        var listed = TaskItems.List(string.Join("\n", headers), reminded.Concat(escalated).ToList(), Texts, clock.Today);
        var marked = listed.Items.Select((item, i) => i >= reminded.Count ? item with { Title = Texts.EscalationTag + item.Title } : item).ToList();
        var owners = reminded.Concat(escalated).Where(t => t.OwnerId is not null).Select(t => t.OwnerId!.Value).Distinct().ToList();
        return await DeliverAsync(target, listed with { Items = marked }, owners, cancellationToken);
    }

    public async Task<object> ReportAsync(string target, DateOnly sendDay, IReadOnlyList<(string Chat, string Error)> failures, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var progress = await tasks.ProgressByLeadOfficeAsync(today, cancellationToken);
        var overdue = await tasks.OverdueAsync(today, TaskScope.Everything, cancellationToken);
        var monday = ReminderPlanner.MondayOf(sendDay);
        var dueThisWeek = await tasks.OpenDueBetweenAsync(today, monday.AddDays(6), TaskScope.Everything, cancellationToken);

        var lines = new List<string> { Texts.ReportTitle(today, progress.Sum(p => p.Done), progress.Sum(p => p.Total), progress.Sum(p => p.Overdue)) };
        lines.AddRange(progress.OrderByDescending(p => p.Overdue).ThenBy(p => p.OfficeId).Select(Texts.ProgressLine));
        lines.Add(Texts.ReportOverdue(overdue.Count));
        lines.AddRange(overdue.Take(TaskItems.MaxListed).Select(t => Line(t, today)));
        lines.Add(Texts.ReportDueThisWeek(dueThisWeek.Count));
        lines.AddRange(dueThisWeek.Take(TaskItems.MaxListed).Select(t => Line(t, today)));
        if (failures.Count > 0)
        {
            lines.Add(Texts.ReportFailed(failures.Count));
            lines.AddRange(failures.Select(f => "· " + Texts.ReportFailedLine(f.Chat, f.Error)));
        }

        return await DeliverAsync(target, new ChatReply(string.Join("\n", lines)), [], cancellationToken);
    }

    public Task<object> NoticeAsync(string target, string body, CancellationToken cancellationToken) =>
        DeliverAsync(target, new ChatReply(body), [], cancellationToken);

    public string ChatRemovedNotice(string chat, string? office) => Texts.ChatRemoved(chat, office);

    private async Task<object> DeliverAsync(string target, ChatReply reply, IReadOnlyList<long> owners, CancellationToken cancellationToken)
    {
        if (Robot.IsTarget(target))
        {
            var robot = await robots.FindAsync(Robot.IdOf(target), cancellationToken)
                ?? throw new InvalidOperationException($"No robot {target} is known (it was removed).");
            var firstCode = reply.Items.FirstOrDefault()?.Title.Split(' ')[0].Replace(Texts.EscalationTag, "", StringComparison.Ordinal) ?? "T001";
            var mentions = await directory.MentionsAsync(owners, cancellationToken);
            var chatUrl = string.IsNullOrWhiteSpace(campaign.Value.ChatUrl) ? null : campaign.Value.ChatUrl;
            return RobotMarkdown.Render(robot, reply, Texts, Texts.RobotDoneHint(chatUrl, firstCode), mentions);
        }

        var (conversation, reference) = await ReferenceAsync(target, cancellationToken);
        return new ReminderDelivery(reference, ReplyRenderer.Render(reply, conversation.ChannelId));
    }

    private string Line(LedgerTask task, DateOnly today)
    {
        var item = TaskItems.Item(task, Texts, today);
        return $"· {item.Title} · {item.Subtitle}";
    }

    /// <summary>Whom a reminder addresses: the chat's office, the subscribed person, or the robot's office.</summary>
    private async Task<string> AudienceAsync(string target, CancellationToken cancellationToken)
    {
        if (Robot.IsTarget(target))
        {
            return (await robots.FindAsync(Robot.IdOf(target), cancellationToken))?.OfficeName ?? target;
        }

        var (conversation, _) = await ReferenceAsync(target, cancellationToken);
        if (conversation.BoundOfficeName is { } office)
        {
            return office;
        }

        var people = await directory.PeopleAsync(cancellationToken);
        return people.FirstOrDefault(p => p.Id == conversation.BoundPersonId)?.Name ?? conversation.ConversationId;
    }

    /// <summary>What a proactive send needs, rebuilt from the stored conversation (never kept in memory).</summary>
    private async Task<(ConversationRecord Conversation, ConversationReference Reference)> ReferenceAsync(string target, CancellationToken cancellationToken)
    {
        var chat = ChatTarget.Parse(target);
        var conversation = await conversations.FindAsync(chat.ChannelId, chat.ConversationId, cancellationToken)
            ?? throw new InvalidOperationException($"No conversation {target} is known.");
        if (conversation.ServiceUrl is null)
        {
            throw new InvalidOperationException($"Conversation {target} has no service url to send to.");
        }

        return (conversation, new ConversationReference
        {
            ChannelId = conversation.ChannelId,
            ServiceUrl = conversation.ServiceUrl,
            Conversation = new ConversationAccount(conversation.IsGroup, id: conversation.ConversationId, tenantId: conversation.TenantId),
            Bot = new ChannelAccount(conversation.BotId, conversation.BotName),
        });
    }
}
