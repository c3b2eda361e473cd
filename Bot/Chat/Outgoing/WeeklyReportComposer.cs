using CampaignBot.Chat.Handlers;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// The weekly progress report (通报) of a send day's week, from the ledger as it is now: its text
/// and its per-office chart. The outbox sends it on Mondays; the `report` verb and the preview show it.
/// </summary>
public sealed class WeeklyReportComposer(
    TaskRepository tasks, ConversationRepository conversations, EvidenceFileRepository evidenceFiles, OutboxRepository outbox, CampaignClock clock)
{
    /// <returns>The text, and the chart when asked for (a robot's markdown cannot carry one).</returns>
    public async Task<(string Text, OutgoingPicture? Chart)> ComposeAsync(ReplyTexts texts, DateOnly sendDay, DateTimeOffset now, bool withChart, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var progress = await tasks.ProgressByLeadOfficeAsync(today, cancellationToken);
        var overdue = await tasks.OverdueAsync(today, TaskScope.Everything, cancellationToken);
        var monday = ReminderPlanner.MondayOf(sendDay);
        var dueThisWeek = await tasks.OpenDueBetweenAsync(today, monday.AddDays(6), TaskScope.Everything, cancellationToken);

        var lines = new List<string> { texts.ReportTitle(today, progress.Sum(p => p.Done), progress.Sum(p => p.Total), progress.Sum(p => p.Overdue)) };
        lines.AddRange(progress.OrderByDescending(p => p.Overdue).ThenBy(p => p.OfficeId).Select(texts.ProgressLine));
        lines.AddRange(TaskItems.SeriesLines(await tasks.ProgressBySeriesAsync(today, cancellationToken), texts));
        lines.Add(texts.ReportOverdue(overdue.Count));
        lines.AddRange(overdue.Take(TaskItems.MaxListed).Select(t => Line(t, texts, today)));
        lines.Add(texts.ReportDueThisWeek(dueThisWeek.Count));
        lines.AddRange(dueThisWeek.Take(TaskItems.MaxListed).Select(t => Line(t, texts, today)));
        if (await conversations.UnreachableOfficesAsync(cancellationToken) is { Count: > 0 } unreachable)
        {
            lines.Add(texts.ReportUnreachable(unreachable));
        }

        var failures = await outbox.FailuresSinceAsync(now.AddDays(-7), cancellationToken);
        if (failures.Count > 0)
        {
            lines.Add(texts.ReportFailed(failures.Count));
            lines.AddRange(failures.Select(f => "· " + texts.ReportFailedLine(f.Chat, f.Error)));
        }

        if (await evidenceFiles.LostAsync(cancellationToken) is { Count: > 0 } lost)
        {
            lines.Add(texts.ReportLostEvidence(lost.Select(f => (f.TaskCode, f.TaskTitle, f.Name)).ToList()));
        }

        var chart = withChart
            ? new OutgoingPicture(texts.ReportChartFile, ProgressChart.RenderPng(progress, new ProgressChartLabels(texts.ReportChartTitle(today), texts.ReportChartAxis, texts.ReportChartOverdue)))
            : null;
        return (string.Join("\n", lines), chart);
    }

    private static string Line(LedgerTask task, ReplyTexts texts, DateOnly today)
    {
        var item = TaskItems.Item(task, texts, today);
        return $"· {item.Title} · {item.Subtitle}";
    }
}
