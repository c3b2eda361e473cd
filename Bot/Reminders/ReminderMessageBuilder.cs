using CampaignBot.Board;
using CampaignBot.Chat.Replies;
using CampaignBot.EvidenceFiles;
using CampaignBot.Ledger.Repositories;
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
    TaskRepository tasks, ConversationRepository conversations, DirectoryRepository directory, RobotRepository robots, EvidenceFileRepository evidenceFiles,
    CampaignClock clock, IOptions<CampaignOptions> campaign, IOptions<ReminderOptions> reminders)
{
    private ReplyTexts Texts => ReplyTexts.For(campaign.Value.DefaultLanguage).On(clock.Today);

    public async Task<object> RemindersAsync(string target, DateOnly sendDay, IReadOnlyList<(long TaskId, string Kind)> items, CancellationToken cancellationToken)
    {
        var recipient = await RecipientAsync(target, cancellationToken);
        var byId = (await tasks.ByIdsAsync(items.Select(i => i.TaskId), cancellationToken)).ToDictionary(t => t.Id);
        var escalated = items.Where(i => i.Kind == ReminderKinds.Escalation).Select(i => byId[i.TaskId]).OrderBy(t => t.DueOn).ThenBy(t => t.Code).ToList();
        var reminded = items.Where(i => i.Kind != ReminderKinds.Escalation).Select(i => byId[i.TaskId]).Distinct().OrderBy(t => t.DueOn).ThenBy(t => t.Code).ToList();

        var headers = new List<string>();
        if (reminded.Count > 0)
        {
            headers.Add(Texts.ReminderHeader(recipient.Audience, sendDay, reminded.Count));
        }

        if (escalated.Count > 0)
        {
            headers.Add(Texts.EscalationHeader(escalated.Count, reminders.Value.EscalateOnOverdueWorkday));
        }

        // Escalated tasks follow the office's own reminders, each marked 【督办】.
        var listedTasks = reminded.Concat(escalated).ToList();
        var listed = TaskItems.List(string.Join("\n", headers), listedTasks, Texts, clock.Today);
        var marked = listed.Items.Select((item, i) => i >= reminded.Count ? item with { Title = Texts.EscalationTag + item.Title } : item).ToList();
        var owners = listedTasks.Where(t => t.OwnerId is not null).Select(t => t.OwnerId!.Value).Distinct().ToList();
        return await DeliverAsync(recipient, listed with { Items = marked }, owners, listedTasks[0].Code, cancellationToken);
    }

    public async Task<object> ReportAsync(string target, DateOnly sendDay, IReadOnlyList<(string Chat, string Error)> failures, CancellationToken cancellationToken)
    {
        var recipient = await RecipientAsync(target, cancellationToken);
        var today = clock.Today;
        var progress = await tasks.ProgressByLeadOfficeAsync(today, cancellationToken);
        var overdue = await tasks.OverdueAsync(today, TaskScope.Everything, cancellationToken);
        var monday = ReminderPlanner.MondayOf(sendDay);
        var dueThisWeek = await tasks.OpenDueBetweenAsync(today, monday.AddDays(6), TaskScope.Everything, cancellationToken);

        var lines = new List<string> { Texts.ReportTitle(today, progress.Sum(p => p.Done), progress.Sum(p => p.Total), progress.Sum(p => p.Overdue)) };
        lines.AddRange(progress.OrderByDescending(p => p.Overdue).ThenBy(p => p.OfficeId).Select(Texts.ProgressLine));
        lines.AddRange(TaskItems.SeriesLines(await tasks.ProgressBySeriesAsync(today, cancellationToken), Texts));
        lines.Add(Texts.ReportOverdue(overdue.Count));
        lines.AddRange(overdue.Take(TaskItems.MaxListed).Select(t => Line(t, today)));
        lines.Add(Texts.ReportDueThisWeek(dueThisWeek.Count));
        lines.AddRange(dueThisWeek.Take(TaskItems.MaxListed).Select(t => Line(t, today)));
        if (await conversations.UnreachableOfficesAsync(cancellationToken) is { Count: > 0 } unreachable)
        {
            lines.Add(Texts.ReportUnreachable(unreachable));
        }

        if (failures.Count > 0)
        {
            lines.Add(Texts.ReportFailed(failures.Count));
            lines.AddRange(failures.Select(f => "· " + Texts.ReportFailedLine(f.Chat, f.Error)));
        }

        if (await evidenceFiles.LostAsync(cancellationToken) is { Count: > 0 } lost)
        {
            lines.Add(Texts.ReportLostEvidence(lost.Select(f => (f.TaskCode, f.TaskTitle, f.Name)).ToList()));
        }

        // A chat gets the picture too (inline, so Teams and Web Chat show it); a robot's markdown cannot carry one.
        var chart = recipient.Robot is null
            ? new Attachment("image/png", "data:image/png;base64," + Convert.ToBase64String(ProgressChart.RenderPng(progress, Texts.ReportChartTitle(today))), name: Texts.ReportChartFile)
            : null;
        return await DeliverAsync(recipient, new ChatReply(string.Join("\n", lines)), [], null, cancellationToken, chart);
    }

    public async Task<object> NoticeAsync(string target, string body, CancellationToken cancellationToken) =>
        await DeliverAsync(await RecipientAsync(target, cancellationToken), Notices.Render(body), [], null, cancellationToken);

    public string ChatRemovedNotice(string chat, string? office) => Texts.ChatRemoved(chat, office);

    /// <summary>Who a message is for: how to address them, and where it goes (a robot, or a chat's reference).</summary>
    private sealed record Recipient(string Audience, Robot? Robot, string? ChannelId, ConversationReference? Reference);

    /// <param name="exampleCode">A listed task, for a robot's line on how to mark tasks done; null when nothing is listed.</param>
    /// <param name="picture">An image for a chat, after the text; robots do not get it.</param>
    private async Task<object> DeliverAsync(Recipient recipient, ChatReply reply, IReadOnlyList<long> owners, string? exampleCode, CancellationToken cancellationToken, Attachment? picture = null)
    {
        if (recipient.Robot is { } robot)
        {
            var mentions = await directory.MentionsAsync(owners, cancellationToken);
            var chatUrl = string.IsNullOrWhiteSpace(campaign.Value.ChatUrl) ? null : campaign.Value.ChatUrl;
            return RobotMarkdown.Render(robot, reply, Texts, exampleCode is null ? null : Texts.RobotDoneHint(chatUrl, exampleCode), mentions);
        }

        var activity = ReplyRenderer.Render(reply, recipient.ChannelId);
        if (picture is not null)
        {
            activity.Attachments ??= [];
            activity.Attachments.Add(picture);
        }

        return new ReminderDelivery(recipient.Reference!, activity);
    }

    private string Line(LedgerTask task, DateOnly today)
    {
        var item = TaskItems.Item(task, Texts, today);
        return $"· {item.Title} · {item.Subtitle}";
    }

    /// <summary>
    /// Resolves a target once per message: a robot (addressed by its office), or a chat (by its
    /// office or subscribed person) with what a proactive send needs, rebuilt from the stored
    /// conversation (never kept in memory).
    /// </summary>
    private async Task<Recipient> RecipientAsync(string target, CancellationToken cancellationToken)
    {
        if (Robot.IsTarget(target))
        {
            var robot = await robots.FindAsync(Robot.IdOf(target), cancellationToken)
                ?? throw new InvalidOperationException($"No robot {target} is known (it was removed).");
            return new Recipient(robot.OfficeName, robot, null, null);
        }

        var chat = ChatTarget.Parse(target);
        var conversation = await conversations.FindAsync(chat.ChannelId, chat.ConversationId, cancellationToken)
            ?? throw new InvalidOperationException($"No conversation {target} is known.");
        if (conversation.ServiceUrl is null)
        {
            throw new InvalidOperationException($"Conversation {target} has no service url to send to.");
        }

        return new Recipient(
            conversation.BoundOfficeName ?? conversation.BoundPersonName ?? conversation.ConversationId,
            null,
            conversation.ChannelId,
            new ConversationReference
            {
                ChannelId = conversation.ChannelId,
                ServiceUrl = conversation.ServiceUrl,
                Conversation = new ConversationAccount(conversation.IsGroup, id: conversation.ConversationId, tenantId: conversation.TenantId),
                Bot = new ChannelAccount(conversation.BotId, conversation.BotName),
            });
    }
}
