using CampaignBot.Data;
using Dapper;

namespace CampaignBot.DingTalk;

/// <summary>
/// What the DingTalk channel keeps in the ledger: the message ids it has handled (so a redelivered
/// message is answered once, across restarts too) and, per chat, whom a 1:1 send goes to.
/// </summary>
public sealed class DingTalkStore(LedgerDatabase database)
{
    /// <summary>DingTalk redelivers within minutes; a week of ids is ample and keeps the table small.</summary>
    private static readonly TimeSpan KeepHandledIds = TimeSpan.FromDays(7);

    public sealed record Chat
    {
        public string ConversationId { get; init; } = "";
        public bool IsGroup { get; init; }
        public string? StaffId { get; init; }
    }

    /// <summary>How long a claim holds without being marked handled: past it, the process that took it is taken to have stopped.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Claims a message for handling: false when it was handled before, or is being handled now (a
    /// redelivery). A claim left unfinished past <see cref="ClaimLease"/> is taken over.
    /// </summary>
    public async Task<bool> TryClaimAsync(string msgId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM dingtalk_message WHERE received_at < @Before",
                new { Before = UtcText.Format(now - KeepHandledIds) }, transaction);
            return await connection.ExecuteAsync(
                """
                INSERT INTO dingtalk_message (msg_id, received_at) VALUES (@MsgId, @Now)
                ON CONFLICT (msg_id) DO UPDATE SET received_at = excluded.received_at
                WHERE handled_at IS NULL AND dingtalk_message.received_at < @Stale
                """,
                new { MsgId = msgId, Now = UtcText.Format(now), Stale = UtcText.Format(now - ClaimLease) }, transaction) == 1;
        }, cancellationToken);

    /// <summary>The turn is done: a redelivery from now on is a repeat.</summary>
    public Task MarkHandledAsync(string msgId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE dingtalk_message SET handled_at = @Now WHERE msg_id = @MsgId", new { MsgId = msgId, Now = UtcText.Format(now) }, transaction), cancellationToken);

    /// <summary>
    /// Records an HTTP callback's signature with its message: false when this signature already came
    /// with this message (the same signed request replayed). Keyed on both, because DingTalk signs
    /// only the millisecond: two messages sent in the same millisecond share a signature, and both
    /// are DingTalk's. (The column named sign holds "sign\nmsgId": no schema change needed.)
    /// </summary>
    public Task<bool> TryRecordSignatureAsync(string msgId, string sign, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM dingtalk_callback_sign WHERE used_at < @Before", new { Before = UtcText.Format(now - KeepHandledIds) }, transaction);
            return await connection.ExecuteAsync(
                "INSERT INTO dingtalk_callback_sign (sign, msg_id, used_at) VALUES (@Key, @MsgId, @Now) ON CONFLICT (sign) DO NOTHING",
                new { Key = sign + "\n" + msgId, MsgId = msgId, Now = UtcText.Format(now) }, transaction) == 1;
        }, cancellationToken);

    /// <summary>Gives a claim back when the message could not be handled, so that DingTalk's redelivery is.</summary>
    public Task ReleaseAsync(string msgId, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync("DELETE FROM dingtalk_message WHERE msg_id = @MsgId", new { MsgId = msgId }, transaction), cancellationToken);

    public Task RememberChatAsync(Chat chat, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            INSERT INTO dingtalk_chat (conversation_id, is_group, staff_id, updated_at) VALUES (@ConversationId, @IsGroup, @StaffId, @Now)
            ON CONFLICT (conversation_id) DO UPDATE SET is_group = excluded.is_group, staff_id = coalesce(excluded.staff_id, staff_id), updated_at = excluded.updated_at
            """,
            new { chat.ConversationId, chat.IsGroup, StaffId = chat.IsGroup ? null : chat.StaffId, Now = UtcText.Format(now) }, transaction), cancellationToken);

    public async Task<Chat?> FindChatAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Chat>(
            "SELECT conversation_id, is_group, staff_id FROM dingtalk_chat WHERE conversation_id = @ConversationId", new { ConversationId = conversationId });
    }
}
