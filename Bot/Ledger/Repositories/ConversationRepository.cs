using CampaignBot.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Ledger.Repositories;

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
            && seen.LastSeenAt - known.LastSeenAt < LastSeenResolution)
        {
            return known;
        }

        const string sql = """
            INSERT INTO conversation (channel_id, conversation_id, service_url, tenant_id, bot_id, bot_name, is_group, last_seen_at)
            VALUES (@ChannelId, @ConversationId, @ServiceUrl, @TenantId, @BotId, @BotName, @IsGroup, @LastSeenAt)
            ON CONFLICT (channel_id, conversation_id) DO UPDATE SET
                service_url = COALESCE(excluded.service_url, service_url),
                tenant_id = COALESCE(excluded.tenant_id, tenant_id),
                bot_id = COALESCE(excluded.bot_id, bot_id),
                bot_name = COALESCE(excluded.bot_name, bot_name),
                is_group = excluded.is_group,
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
            LastSeenAt = UtcText.Format(seen.LastSeenAt),
        });
        return (await FindAsync(connection, null, seen.ChannelId, seen.ConversationId))!;
    }

    private const string SelectOne = """
        SELECT c.channel_id, c.conversation_id, c.service_url, c.tenant_id, c.bot_id, c.bot_name, c.is_group,
               c.bound_office_id, o.name AS bound_office_name, c.bound_person_id, p.name AS bound_person_name,
               c.last_seen_at, c.removed_at, c.language
        FROM conversation c LEFT JOIN office o ON o.id = c.bound_office_id LEFT JOIN person p ON p.id = c.bound_person_id
        WHERE c.channel_id = @ChannelId AND c.conversation_id = @ConversationId
        """;

    public Task<ConversationRecord?> FindAsync(string channelId, string conversationId, CancellationToken cancellationToken = default) =>
        database.Reads.QuerySingleOrDefaultAsync<ConversationRecord>(SelectOne, new { ChannelId = channelId, ConversationId = conversationId }, cancellationToken);

    public static Task<ConversationRecord?> FindAsync(SqliteConnection connection, SqliteTransaction? transaction, string channelId, string conversationId) =>
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

    /// <summary>Offices that lead or help with an open task but have no chat bound (and not removed) and no robot: nothing reaches them.</summary>
    public async Task<IReadOnlyList<string>> UnreachableOfficesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(
            """
            SELECT o.name FROM office o
            WHERE (EXISTS (SELECT 1 FROM task t WHERE t.lead_office_id = o.id AND t.status = 'open')
                   OR EXISTS (SELECT 1 FROM task_co_office c JOIN task t ON t.id = c.task_id WHERE c.office_id = o.id AND t.status = 'open'))
              AND NOT EXISTS (SELECT 1 FROM conversation c WHERE c.bound_office_id = o.id AND c.removed_at IS NULL)
              AND NOT EXISTS (SELECT 1 FROM robot r WHERE r.office_id = o.id)
            ORDER BY o.id
            """)).AsList();
    }

    /// <summary>Binds a 1:1 chat to its person, for their own reminders (订阅我的提醒); null unsubscribes.</summary>
    public static Task BindPersonAsync(SqliteConnection connection, SqliteTransaction transaction, string channelId, string conversationId, long? personId) =>
        connection.ExecuteAsync(
            "UPDATE conversation SET bound_person_id = @PersonId WHERE channel_id = @ChannelId AND conversation_id = @ConversationId",
            new { PersonId = personId, ChannelId = channelId, ConversationId = conversationId }, transaction);

    public static Task BindOfficeAsync(SqliteConnection connection, SqliteTransaction transaction, string channelId, string conversationId, long? officeId) =>
        connection.ExecuteAsync(
            "UPDATE conversation SET bound_office_id = @OfficeId WHERE channel_id = @ChannelId AND conversation_id = @ConversationId",
            new { OfficeId = officeId, ChannelId = channelId, ConversationId = conversationId }, transaction);
}
