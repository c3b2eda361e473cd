using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// The weekly report (通报) from the ledger as it is now: progress per office and per recurring duty,
/// what is overdue and due this week, the offices nothing reaches, last week's failed sends, lost
/// evidence, and the chart. The same words whether the Monday send carries it or someone asks (本周通报).
/// </summary>
public sealed class WeeklyReportWriter(TaskRepository tasks, ReachReport reach, ChatNames chatNames, EvidenceFileRepository evidenceFiles, OutboxRepository outbox, CampaignClock clock)
{
    /// <param name="weekOf">A day of the week whose deadlines the report lists (the send day).</param>
    /// <param name="now">Failed sends of the seven days before are listed.</param>
    /// <param name="withChart">Whether the reply carries the chart (a robot's markdown cannot).</param>
    public async Task<ChatReply> WriteAsync(ReplyTexts texts, DateOnly weekOf, DateTimeOffset now, bool withChart, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var progress = await tasks.ProgressByLeadOfficeAsync(today, cancellationToken);
        var overdue = await tasks.OverdueAsync(today, TaskScope.Everything, cancellationToken);
        var monday = ReminderPlanner.MondayOf(weekOf);
        var dueThisWeek = await tasks.OpenDueBetweenAsync(today, monday.AddDays(6), TaskScope.Everything, cancellationToken);

        var lines = new List<string> { texts.ReportTitle(today, progress.Sum(p => p.Done), progress.Sum(p => p.Total), progress.Sum(p => p.Overdue)) };
        lines.AddRange(progress.OrderByDescending(p => p.Overdue).ThenBy(p => p.OfficeId).Select(texts.ProgressLine));
        lines.AddRange(TaskItems.SeriesLines(await tasks.ProgressBySeriesAsync(today, cancellationToken), texts));
        lines.Add(texts.ReportOverdue(overdue.Count));
        lines.AddRange(overdue.Take(TaskItems.MaxListed).Select(t => Line(t, texts, today)));
        lines.Add(texts.ReportDueThisWeek(dueThisWeek.Count));
        lines.AddRange(dueThisWeek.Take(TaskItems.MaxListed).Select(t => Line(t, texts, today)));
        var (unreachable, throughPeople) = await reach.OfficesAsync(cancellationToken);
        if (unreachable.Count > 0)
        {
            lines.Add(texts.ReportUnreachable(unreachable));
        }

        if (throughPeople.Count > 0)
        {
            lines.Add(texts.ReportReachedThroughPeople(throughPeople));
        }

        var failures = await outbox.FailuresSinceAsync(now.AddDays(-7), cancellationToken);
        if (failures.Count > 0)
        {
            lines.Add(texts.ReportFailed(failures.Count));
            // One line per chat, in words: whose chat it is and whether it can still be reached.
            foreach (var chat in failures.GroupBy(f => f.Key))
            {
                var (name, gone) = await chatNames.DescribeAsync(chat.First().Target, texts, cancellationToken);
                lines.Add("· " + texts.ReportFailedLine(name, gone, chat.Count()));
            }
        }

        if (await evidenceFiles.LostAsync(cancellationToken) is { Count: > 0 } lost)
        {
            lines.Add(texts.ReportLostEvidence(lost.Select(f => (f.TaskCode, f.TaskTitle, f.Name)).ToList()));
        }

        return new ChatReply(string.Join("\n", lines))
        {
            Picture = withChart
                ? new ReplyPicture(texts.ReportChartFile, ProgressChart.RenderPng(progress, new ProgressChartLabels(texts.ReportChartTitle(today), texts.ReportChartAxis, texts.ReportChartOverdue)))
                : null,
        };
    }

    private static string Line(LedgerTask task, ReplyTexts texts, DateOnly today)
    {
        var item = TaskItems.Item(task, texts, today);
        return $"· {item.Title} · {item.Subtitle}";
    }
}
