using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.DirectLine;
using CampaignBot.Outbox;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CampaignBot.Seeding;

/// <summary>
/// From the sample campaign to the real plan, keeping the database file (its schema, workday
/// calendar and audit): removes the sample's tasks, offices, people, the chats bound to them (and
/// their 1:1 chats) and the sample people's Web Chat transcripts, in one transaction. It refuses, changing nothing,
/// when anything in the ledger is not the sample's (another task, office, person or robot, or a
/// real account linked to a sample person): that is real data, and removing it is not its job.
/// The seeder does not seed the sample again into a ledger it was removed from.
/// </summary>
public sealed class SampleCampaignRemover(LedgerDatabase database, OutboxRepository outbox, TimeProvider time, IOptions<DirectLineOptions> directLine)
{
    public const string AuditAction = "campaign.sample-remove";

    public async Task<SampleRemoval> RemoveAsync(string actor, CancellationToken cancellationToken)
    {
        var (removal, attachmentIds) = await database.WriteAsync(async (connection, transaction) =>
        {
            var campaignId = await connection.ExecuteScalarAsync<long?>(
                "SELECT id FROM campaign WHERE name = @Name", new { Name = SampleCampaign.Name }, transaction);
            if (campaignId is null)
            {
                return (new SampleRemoval(false, [], 0, 0, 0, 0, 0), (IReadOnlyList<string>)[]);
            }

            var refusals = await RealDataAsync(connection, transaction);
            if (refusals.Count > 0)
            {
                return (new SampleRemoval(true, refusals, 0, 0, 0, 0, 0), []);
            }

            var accounts = SampleCampaign.People.SelectMany(p => p.Accounts).ToArray();
            var transcripts = (await connection.QueryAsync<string>(
                "SELECT id FROM directline_conversation WHERE user_id IN @Accounts", new { Accounts = accounts }, transaction)).ToArray();
            var attachments = (await connection.QueryAsync<string>(
                "SELECT id FROM directline_attachment WHERE conversation_id IN @Ids", new { Ids = transcripts }, transaction)).AsList();
            var chats = (await connection.QueryAsync<(string ChannelId, string ConversationId)>(
                """
                SELECT channel_id, conversation_id FROM conversation
                WHERE bound_office_id IS NOT NULL OR bound_person_id IS NOT NULL OR person_id IS NOT NULL OR conversation_id IN @Ids
                """,
                new { Ids = transcripts }, transaction)).Select(c => (Scheduling.Delivery.MessageTarget)new Scheduling.Delivery.ChatTarget(c.ChannelId, c.ConversationId)).ToList();

            // Children before parents: reminders and their messages (and the record of planned days), the chats, the transcripts, then the campaign itself.
            var taskIds = (await connection.QueryAsync<long>("SELECT id FROM task WHERE campaign_id = @CampaignId", new { CampaignId = campaignId }, transaction)).AsList();
            await outbox.ForgetAsync(transaction, chats, taskIds);
            await connection.ExecuteAsync("DELETE FROM reminder_day", transaction: transaction);
            await connection.ExecuteAsync(
                """
                DELETE FROM conversation WHERE bound_office_id IS NOT NULL OR bound_person_id IS NOT NULL OR person_id IS NOT NULL OR conversation_id IN @Transcripts;
                DELETE FROM directline_attachment WHERE conversation_id IN @Transcripts;
                DELETE FROM directline_activity WHERE conversation_id IN @Transcripts;
                DELETE FROM directline_conversation WHERE id IN @Transcripts;
                """,
                new { Transcripts = transcripts }, transaction);
            var tasks = await connection.ExecuteAsync("DELETE FROM task WHERE campaign_id = @CampaignId", new { CampaignId = campaignId }, transaction);
            await connection.ExecuteAsync("DELETE FROM task_series WHERE code NOT IN (SELECT series_code FROM task WHERE series_code IS NOT NULL)", transaction: transaction);
            // The audit keeps who did what; the account names it, the person row goes.
            await connection.ExecuteAsync("UPDATE audit SET actor_person_id = NULL WHERE actor_person_id IS NOT NULL", transaction: transaction);
            var people = await connection.ExecuteAsync("DELETE FROM person", transaction: transaction);
            var offices = await connection.ExecuteAsync("DELETE FROM office", transaction: transaction);
            await connection.ExecuteAsync("DELETE FROM campaign WHERE id = @CampaignId", new { CampaignId = campaignId }, transaction);

            var removal = new SampleRemoval(true, [], tasks, offices, people, chats.Count, transcripts.Length);
            await AuditRepository.AppendAsync(connection, transaction, new AuditEntry
            {
                At = time.GetUtcNow(),
                ActorAccount = actor,
                Action = AuditAction,
                Entity = "campaign",
                EntityKey = SampleCampaign.Name,
                AfterJson = System.Text.Json.JsonSerializer.Serialize(removal, AuditJson.Options),
            });
            return (removal, (IReadOnlyList<string>)attachments);
        }, cancellationToken);

        // The uploaded files go once their rows are gone; a file left behind is only disk space.
        var folder = Path.GetFullPath(directLine.Value.AttachmentsFolder);
        foreach (var id in attachmentIds)
        {
            File.Delete(Path.Combine(folder, id));
        }

        return removal;
    }

    /// <summary>Everything in the ledger that is not the sample's, each as a reason to refuse.</summary>
    private static async Task<IReadOnlyList<string>> RealDataAsync(SqliteConnection connection, SqliteTransaction transaction)
    {
        var sampleOffices = SampleCampaign.Offices.Select(o => o.Name).ToArray();
        var samplePeople = SampleCampaign.People.Select(p => p.Name).ToArray();
        var sampleAccounts = SampleCampaign.People.SelectMany(p => p.Accounts).ToArray();
        var sampleCodes = SampleCampaign.TaskCodes.ToArray();
        var sampleSeries = SampleCampaign.SeriesCodes.ToArray();
        var found = new List<string>();
        async Task Check(string sql, string what)
        {
            var names = (await connection.QueryAsync<string>(sql, new { sampleOffices, samplePeople, sampleAccounts, sampleCodes, sampleSeries }, transaction)).AsList();
            if (names.Count > 0)
            {
                found.Add($"{what}: {string.Join("、", names.Take(10))}{(names.Count > 10 ? $" … ({names.Count})" : "")}");
            }
        }

        await Check("SELECT code FROM task WHERE code NOT IN @sampleCodes AND (series_code IS NULL OR series_code NOT IN @sampleSeries) ORDER BY code", "tasks not in the sample");
        // A real plan imported over the sample's codes (T001 …) keeps the code but not the title.
        var changed = new List<string>();
        foreach (var (code, title) in SampleCampaign.TaskTitles)
        {
            if (await connection.QuerySingleOrDefaultAsync<string?>("SELECT title FROM task WHERE code = @Code", new { Code = code }, transaction) is { } now && now != title)
            {
                changed.Add(code);
            }
        }

        if (changed.Count > 0)
        {
            found.Add($"tasks imported over the sample's codes (their titles are not the sample's): {string.Join("、", changed.Take(10))}{(changed.Count > 10 ? $" … ({changed.Count})" : "")}");
        }

        await Check("SELECT name FROM office WHERE name NOT IN @sampleOffices ORDER BY id", "offices not in the sample");
        await Check("SELECT name FROM person WHERE name NOT IN @samplePeople ORDER BY id", "people not in the sample");
        await Check("SELECT account_id FROM channel_account WHERE account_id NOT IN @sampleAccounts ORDER BY account_id", "accounts linked to sample people");
        await Check("SELECT o.name || ' ' || r.kind FROM robot r JOIN office o ON o.id = r.office_id ORDER BY r.id", "robots (remove them from the configuration or with the chat first)");
        return found;
    }
}
