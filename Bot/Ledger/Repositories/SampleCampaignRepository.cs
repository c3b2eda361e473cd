using CampaignBot.Scheduling.Delivery;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// The ledger's half of removing the sample campaign (Seeding/SampleCampaignRemover decides, and
/// removes the Direct Line transcripts itself), each in the remover's transaction: what is not the
/// sample's, the chats it leaves behind, and the removal of its rows, children first.
/// </summary>
public static class SampleCampaignRepository
{
    /// <summary>What the sample consists of, by name and code: anything else in the ledger is real data.</summary>
    public sealed record Sample(
        IReadOnlyList<string> Offices, IReadOnlyList<string> People, IReadOnlyList<string> Accounts, IReadOnlyList<string> TaskCodes,
        IReadOnlyList<string> SeriesCodes, IReadOnlyList<(string Code, string Title)> TaskTitles);

    /// <summary>What the removal removed.</summary>
    public sealed record Removed(int Tasks, int Offices, int People);

    public static Task<long?> CampaignIdAsync(SqliteConnection connection, SqliteTransaction transaction, string name) =>
        connection.ExecuteScalarAsync<long?>("SELECT id FROM campaign WHERE name = @Name", new { Name = name }, transaction);

    public static async Task<IReadOnlyList<long>> TaskIdsAsync(SqliteConnection connection, SqliteTransaction transaction, long campaignId) =>
        (await connection.QueryAsync<long>("SELECT id FROM task WHERE campaign_id = @CampaignId", new { CampaignId = campaignId }, transaction)).AsList();

    /// <summary>The chats bound to an office or person or belonging to a person, and those of these transcripts: they go with the sample.</summary>
    public static async Task<IReadOnlyList<MessageTarget>> ChatsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> transcripts) =>
        (await connection.QueryAsync<(string ChannelId, string ConversationId)>(
            """
            SELECT channel_id, conversation_id FROM conversation
            WHERE bound_office_id IS NOT NULL OR bound_person_id IS NOT NULL OR person_id IS NOT NULL OR conversation_id IN @Ids
            """,
            new { Ids = transcripts }, transaction)).Select(c => (MessageTarget)new ChatTarget(c.ChannelId, c.ConversationId)).ToList();

    /// <summary>The chats of <see cref="ChatsAsync"/>, and the record of planned reminder days.</summary>
    public static Task RemoveChatsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> transcripts) =>
        connection.ExecuteAsync(
            """
            DELETE FROM reminder_day;
            DELETE FROM conversation WHERE bound_office_id IS NOT NULL OR bound_person_id IS NOT NULL OR person_id IS NOT NULL OR conversation_id IN @Transcripts;
            """,
            new { Transcripts = transcripts }, transaction);

    /// <summary>The campaign's tasks and the duties left without one, every person and office, then the campaign; the audit keeps who did what by account.</summary>
    public static async Task<Removed> RemoveCampaignAsync(SqliteConnection connection, SqliteTransaction transaction, long campaignId)
    {
        var tasks = await connection.ExecuteAsync("DELETE FROM task WHERE campaign_id = @CampaignId", new { CampaignId = campaignId }, transaction);
        await connection.ExecuteAsync("DELETE FROM task_series WHERE code NOT IN (SELECT series_code FROM task WHERE series_code IS NOT NULL)", transaction: transaction);
        // The audit keeps who did what; the account names it, the person row goes.
        await connection.ExecuteAsync("UPDATE audit SET actor_person_id = NULL WHERE actor_person_id IS NOT NULL", transaction: transaction);
        var people = await connection.ExecuteAsync("DELETE FROM person", transaction: transaction);
        var offices = await connection.ExecuteAsync("DELETE FROM office", transaction: transaction);
        await connection.ExecuteAsync("DELETE FROM campaign WHERE id = @CampaignId", new { CampaignId = campaignId }, transaction);
        return new Removed(tasks, offices, people);
    }

    /// <summary>Everything in the ledger that is not the sample's, each as a reason to refuse.</summary>
    public static async Task<IReadOnlyList<string>> RealDataAsync(SqliteConnection connection, SqliteTransaction transaction, Sample sample)
    {
        var names = new
        {
            sampleOffices = sample.Offices.ToArray(), samplePeople = sample.People.ToArray(), sampleAccounts = sample.Accounts.ToArray(),
            sampleCodes = sample.TaskCodes.ToArray(), sampleSeries = sample.SeriesCodes.ToArray(),
        };
        var found = new List<string>();
        async Task Check(string sql, string what)
        {
            var rows = (await connection.QueryAsync<string>(sql, names, transaction)).AsList();
            if (rows.Count > 0)
            {
                found.Add($"{what}: {string.Join("、", rows.Take(10))}{(rows.Count > 10 ? $" … ({rows.Count})" : "")}");
            }
        }

        await Check("SELECT code FROM task WHERE code NOT IN @sampleCodes AND (series_code IS NULL OR series_code NOT IN @sampleSeries) ORDER BY code", "tasks not in the sample");
        // A real plan imported over the sample's codes (T001 …) keeps the code but not the title.
        var changed = new List<string>();
        foreach (var (code, title) in sample.TaskTitles)
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
