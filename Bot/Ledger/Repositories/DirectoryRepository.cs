using CampaignBot.Data;
using CampaignBot.Ledger;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// Offices, people and the chat accounts that speak for them. A method that runs inside the caller's
/// write takes its transaction (whose connection is the write's); the others read on their own.
/// </summary>
public sealed class DirectoryRepository(LedgerDatabase database)
{
    /// <summary>
    /// Linking an account claims its 1:1 chats in the same write (<see cref="LinkAccountAsync"/>).
    /// The chats' statements are the conversation repository's; it holds nothing but the database,
    /// so the directory keeps its own rather than asking every user for one.
    /// </summary>
    private readonly ConversationRepository conversations = new(database);

    private const string SelectPeople = """
        SELECT p.id, p.name, p.office_id, o.name AS office_name, p.role, p.mobile, p.dingtalk_user_id, p.wecom_user_id
        FROM person p JOIN office o ON o.id = p.office_id
        """;

    public async Task<IReadOnlyList<Office>> OfficesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await OfficesAsync(connection, null);
    }

    /// <summary>The offices as the caller's write sees them.</summary>
    public Task<IReadOnlyList<Office>> OfficesAsync(SqliteTransaction transaction) => OfficesAsync(transaction.Connection!, transaction);

    private static async Task<IReadOnlyList<Office>> OfficesAsync(SqliteConnection connection, SqliteTransaction? transaction) =>
        (await connection.QueryAsync<Office>("SELECT id, name, aliases, kind FROM office ORDER BY id", transaction: transaction)).AsList();

    /// <summary>The office called <paramref name="name"/> by its name or one of its aliases.</summary>
    public async Task<Office?> FindOfficeAsync(string name, CancellationToken cancellationToken = default)
    {
        var wanted = name.Trim();
        return (await OfficesAsync(cancellationToken)).FirstOrDefault(o => o.Names.Any(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase)));
    }

    public async Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await PeopleAsync(connection, null);
    }

    /// <summary>The people as the caller's write sees them.</summary>
    public Task<IReadOnlyList<Person>> PeopleAsync(SqliteTransaction transaction) => PeopleAsync(transaction.Connection!, transaction);

    private static async Task<IReadOnlyList<Person>> PeopleAsync(SqliteConnection connection, SqliteTransaction? transaction) =>
        (await connection.QueryAsync<Person>(SelectPeople + " ORDER BY p.id", transaction: transaction)).AsList();

    public Task<Person?> FindPersonByAccountAsync(string accountId, CancellationToken cancellationToken = default) =>
        database.Reads.QuerySingleOrDefaultAsync<Person>(
            SelectPeople + " JOIN channel_account a ON a.person_id = p.id WHERE a.account_id = @AccountId", new { AccountId = accountId }, cancellationToken);

    /// <summary>
    /// The person who speaks in a chat: the account's linked person (关联), or, in DingTalk, the person
    /// whose 钉钉ID (the 人员 sheet) is the sender's staff id, and in WeCom the person whose 企业微信ID is
    /// the sender's userid, with no link needed. Only the DingTalk and WeCom channels name these ids:
    /// another channel's client cannot claim one by its account id.
    /// </summary>
    public Task<Person?> FindSpeakerAsync(string channelId, string accountId, CancellationToken cancellationToken = default) =>
        channelId == Security.ChannelIds.DingTalk && DingTalkAccounts.StaffIdOf(accountId) is { } staffId
            ? database.Reads.QuerySingleOrDefaultAsync<Person>(
                SelectPeople + """
                     WHERE p.id = coalesce((SELECT person_id FROM channel_account WHERE account_id = @AccountId),
                                          (SELECT min(id) FROM person WHERE dingtalk_user_id = @StaffId))
                    """, new { AccountId = accountId, StaffId = staffId }, cancellationToken)
            : channelId == Security.ChannelIds.WeCom
                ? FindWeComSpeakerAsync(WeComAccounts.UserIdOf(accountId), cancellationToken)
                : FindPersonByAccountAsync(accountId, cancellationToken);

    /// <summary>
    /// In WeCom: the person linked to the prefixed account "wecom:{userid}" (关联), else the person whose
    /// 企业微信ID is the userid. Never a link of another channel's account of the same spelling: a WeCom
    /// turn whose activity names the bare userid is read as its prefixed account. WeCom userids are not
    /// case-sensitive (its answers lower-case them), so neither is the match.
    /// </summary>
    private Task<Person?> FindWeComSpeakerAsync(string userId, CancellationToken cancellationToken) =>
        userId.Length == 0
            ? Task.FromResult<Person?>(null)
            : database.Reads.QuerySingleOrDefaultAsync<Person>(
                SelectPeople + """
                     WHERE p.id = coalesce((SELECT person_id FROM channel_account WHERE account_id = @AccountId),
                                          (SELECT min(id) FROM person WHERE wecom_user_id = @UserId COLLATE NOCASE))
                    """, new { AccountId = WeComAccounts.AccountOf(userId), UserId = userId }, cancellationToken);

    public async Task<Person?> FindPersonByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Person>(SelectPeople + " WHERE p.name = @Name", new { Name = name.Trim() });
    }

    /// <summary>The accounts linked to each person, for the README and for exports.</summary>
    public async Task<ILookup<long, string>> AccountsByPersonAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long PersonId, string AccountId)>("SELECT person_id, account_id FROM channel_account ORDER BY account_id");
        return rows.ToLookup(r => r.PersonId, r => r.AccountId);
    }

    /// <summary>How each of these people can be @-ed by a group robot, where known.</summary>
    public async Task<IReadOnlyList<PersonMention>> MentionsAsync(IReadOnlyList<long> personIds, CancellationToken cancellationToken = default)
    {
        if (personIds.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<(long Id, string Name, string? Mobile, string? DingTalk, string? WeCom)>(
                "SELECT id, name, mobile, dingtalk_user_id, wecom_user_id FROM person WHERE id IN @Ids ORDER BY id", new { Ids = personIds }))
            .Select(p => new PersonMention(p.Id, p.Name, p.Mobile, p.DingTalk, p.WeCom))
            .ToList();
    }

    private static long version;

    /// <summary>Counts the changes to offices and people made in this process, so that caches of their names know to read again.</summary>
    public static long Version => Interlocked.Read(ref version);

    /// <summary>Offices or people were changed by a statement outside this class (an alias update).</summary>
    public static void NoteChange() => Interlocked.Increment(ref version);

    public Task<long> InsertOfficeAsync(SqliteTransaction transaction, string name, string aliases, string kind)
    {
        NoteChange();
        return transaction.Connection!.ExecuteScalarAsync<long>(
            "INSERT INTO office (name, aliases, kind) VALUES (@Name, @Aliases, @Kind) RETURNING id",
            new { Name = name, Aliases = aliases, Kind = kind }, transaction);
    }

    /// <summary>Adds the person, or moves an existing one of that name to the given office and role.</summary>
    public Task<long> UpsertPersonAsync(SqliteTransaction transaction, string name, long officeId, string role)
    {
        NoteChange();
        return transaction.Connection!.ExecuteScalarAsync<long>(
            """
            INSERT INTO person (name, office_id, role) VALUES (@Name, @OfficeId, @Role)
            ON CONFLICT (name) DO UPDATE SET office_id = excluded.office_id, role = excluded.role
            RETURNING id
            """,
            new { Name = name, OfficeId = officeId, Role = role }, transaction);
    }

    /// <summary>
    /// Points an account at a person; an account speaks for one person at a time. The 1:1 chats the
    /// account has already written in become the person's personal chats at once.
    /// </summary>
    public async Task LinkAccountAsync(SqliteTransaction transaction, string accountId, long personId, string? channelId, DateTimeOffset at)
    {
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(
            """
            INSERT INTO channel_account (account_id, person_id, channel_id, linked_at) VALUES (@AccountId, @PersonId, @ChannelId, @At)
            ON CONFLICT (account_id) DO UPDATE SET person_id = excluded.person_id, channel_id = excluded.channel_id, linked_at = excluded.linked_at
            """,
            new { AccountId = accountId, PersonId = personId, ChannelId = channelId, At = UtcText.Format(at) }, transaction);
        await conversations.ClaimPersonalChatsAsync(transaction, accountId, personId);
    }

    /// <summary>When the person opted out of everything personal (退订); null: they did not.</summary>
    public Task<string?> OptedOutAtAsync(SqliteTransaction transaction, long personId) =>
        transaction.Connection!.ExecuteScalarAsync<string?>("SELECT personal_opt_out_at FROM person WHERE id = @Id", new { Id = personId }, transaction);

    public Task SetOptedOutAsync(SqliteTransaction transaction, long personId, DateTimeOffset? at) =>
        transaction.Connection!.ExecuteAsync("UPDATE person SET personal_opt_out_at = @At WHERE id = @Id",
            new { Id = personId, At = at is { } when ? UtcText.Format(when) : null }, transaction);

    public Task<string?> AccountOwnerNameAsync(SqliteTransaction transaction, string accountId) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<string?>(
            "SELECT p.name FROM channel_account a JOIN person p ON p.id = a.person_id WHERE a.account_id = @AccountId",
            new { AccountId = accountId }, transaction);
}
