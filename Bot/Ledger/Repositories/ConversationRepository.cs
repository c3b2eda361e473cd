using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// The chats the bot is in, and what each is bound to. A method that runs inside the caller's write
/// takes its transaction (whose connection is the write's); a chat's turn reads and writes on its own.
/// </summary>
public sealed class ConversationRepository(LedgerDatabase database)
{
    /// <summary>A chat's last_seen_at is rewritten at most this often when nothing else about it changed.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Records the chat as seen now. Only what the activity carries overwrites what is stored: a
    /// reply-in-body request (expectReplies) has no service url and must not erase the one we have.
    /// When nothing changed and the chat was seen recently, nothing is written: every message would
    /// otherwise take SQLite's single write lock (measured: it halved the bot's throughput).
    /// </summary>
    /// <returns>The chat as stored after the visit, with what it is bound to.</returns>
    public async Task<ConversationRecord> TouchAsync(ConversationRecord seen, CancellationToken cancellationToken = default)
    {
        var known = await FindAsync(seen.ChannelId, seen.ConversationId, cancellationToken);
        if (known is not null && known.RemovedAt is null
            && (seen.ServiceUrl ?? known.ServiceUrl) == known.ServiceUrl
            && (seen.TenantId ?? known.TenantId) == known.TenantId
            && (seen.BotId ?? known.BotId) == known.BotId
            && (seen.BotName ?? known.BotName) == known.BotName
            && seen.IsGroup == known.IsGroup
            && (seen.AccountId ?? known.AccountId) == known.AccountId
            && (seen.Title ?? known.Title) == known.Title
            && seen.LastSeenAt - known.LastSeenAt < LastSeenResolution)
        {
            return known;
        }

        const string sql = """
            INSERT INTO conversation (channel_id, conversation_id, service_url, tenant_id, bot_id, bot_name, is_group, account_id, title, last_seen_at)
            VALUES (@ChannelId, @ConversationId, @ServiceUrl, @TenantId, @BotId, @BotName, @IsGroup, @AccountId, @Title, @LastSeenAt)
            ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
                service_url = COALESCE(excluded.service_url, service_url),
                tenant_id = COALESCE(excluded.tenant_id, tenant_id),
                bot_id = COALESCE(excluded.bot_id, bot_id),
                bot_name = COALESCE(excluded.bot_name, bot_name),
                is_group = excluded.is_group,
                account_id = COALESCE(excluded.account_id, account_id),
                title = COALESCE(excluded.title, title),
                last_seen_at = excluded.last_seen_at,
                removed_at = NULL
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(sql, new
        {
            seen.ChannelId,
            seen.ConversationId,
            seen.ServiceUrl,
            seen.TenantId,
            seen.BotId,
            seen.BotName,
            seen.IsGroup,
            seen.AccountId,
            seen.Title,
            LastSeenAt = UtcText.Format(seen.LastSeenAt),
        });
        return (await FindAsync(connection, null, seen.ChannelId, seen.ConversationId))!;
    }

    private const string SelectOne = """
        SELECT c.channel_id, c.conversation_id, c.service_url, c.tenant_id, c.bot_id, c.bot_name, c.is_group,
               c.bound_office_id, o.name AS bound_office_name, c.bound_person_id, p.name AS bound_person_name,
               c.account_id, c.person_id, pp.name AS person_name, c.title, ro.name AS removed_office_name,
               c.last_seen_at, c.removed_at, c.language
        FROM conversation c LEFT JOIN office o ON o.id = c.bound_office_id LEFT JOIN person p ON p.id = c.bound_person_id
             LEFT JOIN person pp ON pp.id = c.person_id LEFT JOIN office ro ON ro.id = c.removed_office_id
        WHERE c.channel_id = @ChannelId AND c.conversation_id = @ConversationId
        """;

    public Task<ConversationRecord?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken = default) =>
        database.Reads.QuerySingleOrDefaultAsync<ConversationRecord>(SelectOne, new { ChannelId = channelId, ConversationId = conversationId }, cancellationToken);

    /// <summary>The chat as the caller's write sees it.</summary>
    public Task<ConversationRecord?> FindAsync(SqliteTransaction transaction, string channelId, string conversationId) =>
        FindAsync(transaction.Connection!, transaction, channelId, conversationId);

    private static Task<ConversationRecord?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, string channelId, string conversationId) =>
        connection.QuerySingleOrDefaultAsync<ConversationRecord>(SelectOne, new { ChannelId = channelId, ConversationId = conversationId }, transaction);

    /// <summary>Remembers the language people write in here, for what the bot sends unprompted.</summary>
    public async Task RememberLanguageAsync(string channelId, string conversationId, string language, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE conversation SET language = @Language WHERE channel_id = @ChannelId AND conversation_id = @ConversationId",
            new { Language = language, ChannelId = channelId, ConversationId = conversationId });
    }

    /// <summary>Whether the bot is in any chat of the channel (not removed): what it may have to send there.</summary>
    public async Task<bool> AnyLiveAsync(string channelId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM conversation WHERE channel_id = @ChannelId AND removed_at IS NULL)", new { ChannelId = channelId });
    }

    /// <summary>
    /// Makes a 1:1 chat the person's own (their first message in it once their account is linked):
    /// what is theirs to hear goes there. Written only when it changes, as the language.
    /// </summary>
    public async Task RememberPersonAsync(string channelId, string conversationId, long personId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE conversation SET person_id = @PersonId WHERE channel_id = @ChannelId AND conversation_id = @ConversationId AND is_group = 0",
            new { PersonId = personId, ChannelId = channelId, ConversationId = conversationId });
    }

    /// <summary>The 1:1 chats an account has written in become the person's when the account is linked to them.</summary>
    public Task ClaimPersonalChatsAsync(SqliteTransaction transaction, string accountId, long personId) =>
        transaction.Connection!.ExecuteAsync(
            "UPDATE conversation SET person_id = @PersonId WHERE account_id = @AccountId AND is_group = 0",
            new { PersonId = personId, AccountId = accountId }, transaction);

    /// <summary>Binds a 1:1 chat to its person, for their own reminders (订阅我的提醒): it is their personal chat.</summary>
    public Task BindPersonAsync(SqliteTransaction transaction, string channelId, string conversationId, long personId) =>
        transaction.Connection!.ExecuteAsync(
            "UPDATE conversation SET bound_person_id = @PersonId, person_id = @PersonId WHERE channel_id = @ChannelId AND conversation_id = @ConversationId",
            new { PersonId = personId, ChannelId = channelId, ConversationId = conversationId }, transaction);

    /// <summary>退订: none of the person's chats gets their own reminders any more.</summary>
    public Task UnsubscribeEverywhereAsync(SqliteTransaction transaction, long personId) =>
        transaction.Connection!.ExecuteAsync("UPDATE conversation SET bound_person_id = NULL WHERE bound_person_id = @PersonId", new { PersonId = personId }, transaction);

    public Task<int> SubscribedChatsAsync(SqliteTransaction transaction, long personId) =>
        transaction.Connection!.ExecuteScalarAsync<int>("SELECT count(*) FROM conversation WHERE bound_person_id = @PersonId", new { PersonId = personId }, transaction);

    public Task BindOfficeAsync(SqliteTransaction transaction, string channelId, string conversationId, long? officeId) =>
        transaction.Connection!.ExecuteAsync(
            "UPDATE conversation SET bound_office_id = @OfficeId WHERE channel_id = @ChannelId AND conversation_id = @ConversationId",
            new { OfficeId = officeId, ChannelId = channelId, ConversationId = conversationId }, transaction);
}
