using CampaignBot.Ledger.Repositories;
using CampaignBot.Data;
using CampaignBot.Ledger;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Telemetry;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Reminders;

/// <summary>The planner's inputs read from the ledger, and the planned reminders recorded in the outbox.</summary>
public sealed class SqliteReminderStore(LedgerDatabase database, OutboxRepository outbox, CampaignMetrics metrics) : IReminderStore
{
    public async Task<PlanningInput> LoadPlanningInputAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var coOffices = (await connection.QueryAsync<(long TaskId, long OfficeId)>(
                "SELECT c.task_id, c.office_id FROM task_co_office c JOIN task t ON t.id = c.task_id WHERE t.status = 'open'"))
            .ToLookup(r => r.TaskId, r => r.OfficeId);
        var tasks = (await connection.QueryAsync<(long Id, DateOnly DueOn, long LeadOfficeId, long? OwnerId)>(
                "SELECT id, due_on, lead_office_id, owner_id FROM task WHERE status = 'open'"))
            .Select(t => new ReminderTask(t.Id, t.DueOn, t.LeadOfficeId, coOffices[t.Id].ToList(), t.OwnerId, IsDone: false))
            .ToList();

        var chats = (await connection.QueryAsync<(string ChannelId, string ConversationId, long? OfficeId, long? PersonId, string? Kind)>(
            """
            SELECT c.channel_id, c.conversation_id, c.bound_office_id, c.bound_person_id, o.kind
            FROM conversation c LEFT JOIN office o ON o.id = c.bound_office_id
            WHERE c.removed_at IS NULL AND (c.bound_office_id IS NOT NULL OR c.bound_person_id IS NOT NULL)
            ORDER BY c.channel_id, c.conversation_id
            """)).ToList();
        var robots = (await connection.QueryAsync<(long Id, long OfficeId, string Kind)>(
            "SELECT r.id, r.office_id, o.kind FROM robot r JOIN office o ON o.id = r.office_id ORDER BY r.id")).ToList();
        static MessageTarget Chat((string ChannelId, string ConversationId, long? OfficeId, long? PersonId, string? Kind) c) => new ChatTarget(c.ChannelId, c.ConversationId);
        static MessageTarget Robot((long Id, long OfficeId, string Kind) r) => new RobotTarget(r.Id);
        var people = (await connection.QueryAsync<(long Id, long OfficeId, string Role)>("SELECT id, office_id, role FROM person ORDER BY id")).ToList();
        var targets = new ReminderTargets(
            ByKey(chats.Where(c => c.OfficeId is not null).Select(c => (c.OfficeId!.Value, Chat(c)))
                .Concat(robots.Select(r => (r.OfficeId, Robot(r))))),
            ByKey(chats.Where(c => c.PersonId is not null).Select(c => (c.PersonId!.Value, Chat(c)))),
            chats.Where(c => c.Kind == Office.LeadershipKind).Select(Chat)
                .Concat(robots.Where(r => r.Kind == Office.LeadershipKind).Select(Robot)).ToList())
        {
            Personal = await PersonalChats.AllAsync(connection, null),
            OfficeLeads = People(people.Where(p => p.Role == Roles.Lead)),
            OfficePeople = People(people),
            Coordinators = people.Where(p => p.Role == Roles.Coordinator).Select(p => p.Id).ToList(),
            Leaders = people.Where(p => p.Role == Roles.Leader).Select(p => p.Id).ToList(),
        };

        var unreached = (await connection.QueryAsync<(long TaskId, DateOnly Occurrence, string Kind, long OfficeId, DateOnly SendDay)>(
                "SELECT u.task_id, u.occurrence, u.kind, u.office_id, u.send_day FROM unreached_reminder u JOIN task t ON t.id = u.task_id WHERE t.status = 'open'"))
            .Select(u => new UnreachedReminder(u.TaskId, u.Occurrence, u.Kind, u.OfficeId, u.SendDay))
            .ToList();
        return new PlanningInput(tasks, targets, await WorkdayRepository.CalendarAsync(connection)) { Unreached = unreached };
    }

    private static IReadOnlyDictionary<long, IReadOnlyList<long>> People(IEnumerable<(long Id, long OfficeId, string Role)> people) =>
        people.GroupBy(p => p.OfficeId).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(p => p.Id).ToList());

    private static IReadOnlyDictionary<long, IReadOnlyList<MessageTarget>> ByKey(IEnumerable<(long Key, MessageTarget Target)> pairs) =>
        pairs.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => (IReadOnlyList<MessageTarget>)g.Select(p => p.Target).ToList());

    public async Task<DateOnly?> LastPlannedDayAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>("SELECT max(day) FROM reminder_day") is { } day
            ? DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    public async Task<int> EnqueueAsync(
        IReadOnlyList<DateOnly> days, IReadOnlyList<ScheduledReminder> reminders, int dropped, DateTimeOffset now, CancellationToken cancellationToken,
        IReadOnlyList<UnreachedReminder>? unreached = null, IReadOnlyList<UnreachedReminder>? resolved = null)
    {
        var fresh = await RecordAsync(days, reminders, dropped, now, cancellationToken, unreached, resolved);
        // Counted once committed: what is in the outbox now, and what had nowhere to go.
        foreach (var kind in fresh.GroupBy(s => s.Reminder.Kind))
        {
            metrics.Planned(kind.Key, kind.Count());
        }

        foreach (var kind in (unreached ?? []).GroupBy(u => u.Kind))
        {
            metrics.Unreached(kind.Key, kind.Count());
        }

        return fresh.Count;
    }

    private Task<List<ScheduledReminder>> RecordAsync(
        IReadOnlyList<DateOnly> days, IReadOnlyList<ScheduledReminder> reminders, int dropped, DateTimeOffset now, CancellationToken cancellationToken,
        IReadOnlyList<UnreachedReminder>? unreached, IReadOnlyList<UnreachedReminder>? resolved) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var at = UtcText.Format(now);
            await KeepUnreachedAsync(connection, transaction, unreached ?? [], resolved ?? []);
            foreach (var day in days)
            {
                await connection.ExecuteAsync(
                    "INSERT INTO reminder_day (day, planned_at, reminders, dropped) VALUES (@Day, @At, @Count, @Dropped) ON CONFLICT (day) DO NOTHING",
                    new { Day = day, At = at, Count = reminders.Count(r => r.SendDay == day), Dropped = dropped }, transaction);
            }

            var fresh = new List<ScheduledReminder>();
            foreach (var scheduled in reminders)
            {
                if (!await outbox.IsRecordedAsync(transaction, scheduled.Reminder))
                {
                    fresh.Add(scheduled);
                }
            }

            // One message per chat per run: a catch-up run joins what several missed days kept into one.
            foreach (var message in fresh.GroupBy(s => (s.Reminder.Target, Report: s.Reminder.Kind == ReminderKinds.Report)))
            {
                await outbox.EnqueueRemindersAsync(transaction, message.Key.Target, message.Key.Report,
                    message.Max(s => s.SendDay), message.Max(s => s.SendAt), message, now);
            }

            return fresh;
        }, cancellationToken);

    /// <summary>
    /// An office that can be reached now (a chat, a robot, or its people's 1:1 chats: the
    /// <paramref name="resolved"/> ones) has had its earlier unreached reminders planned with this run
    /// (or they are stale): they go. This run's unreached ones are kept for when it can be.
    /// </summary>
    private static async Task KeepUnreachedAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<UnreachedReminder> unreached, IReadOnlyList<UnreachedReminder> resolved)
    {
        await connection.ExecuteAsync(
            """
            DELETE FROM unreached_reminder
            WHERE office_id IN (SELECT bound_office_id FROM conversation WHERE bound_office_id IS NOT NULL AND removed_at IS NULL)
               OR office_id IN (SELECT office_id FROM robot)
               OR task_id IN (SELECT id FROM task WHERE status = 'done')
            """, transaction: transaction);
        await connection.ExecuteAsync(
            "DELETE FROM unreached_reminder WHERE task_id = @TaskId AND occurrence = @Occurrence AND kind = @Kind AND office_id = @OfficeId",
            resolved, transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO unreached_reminder (task_id, occurrence, kind, office_id, send_day) VALUES (@TaskId, @Occurrence, @Kind, @OfficeId, @SendDay)
            ON CONFLICT DO UPDATE SET send_day = excluded.send_day
            """, unreached, transaction);
    }
}
