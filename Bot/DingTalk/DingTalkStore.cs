using CampaignBot.Data;
using Dapper;

namespace CampaignBot.DingTalk;

/// <summary>
/// What the DingTalk channel keeps in the ledger: the message ids it has handled (table
/// dingtalk_message, so a redelivered message is answered once, across restarts too), the signatures
/// of callbacks it took, and, per chat, whom a 1:1 send goes to.
/// </summary>
public sealed class DingTalkStore(LedgerDatabase database) : HandledMessageIds(database, "dingtalk_message")
{
    public sealed record Chat
    {
        public string ConversationId { get; init; } = "";
        public bool IsGroup { get; init; }
        public string? StaffId { get; init; }
    }

    /// <summary>
    /// Records an HTTP callback's signature with its message: false when this signature already came
    /// with this message (the same signed request replayed). Keyed on both, because DingTalk signs
    /// only the millisecond: two messages sent in the same millisecond share a signature, and both
    /// are DingTalk's. (The column named sign holds "sign\nmsgId": no schema change needed.)
    /// </summary>
    public Task<bool> TryRecordSignatureAsync(string msgId, string sign, DateTimeOffset now, CancellationToken cancellationToken) =>
        Database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM dingtalk_callback_sign WHERE used_at < @Before", new { Before = UtcText.Format(now - KeepHandledIds) }, transaction);
            return await connection.ExecuteAsync(
                "INSERT INTO dingtalk_callback_sign (sign, msg_id, used_at) VALUES (@Key, @MsgId, @Now) ON CONFLICT (sign) DO NOTHING",
                new { Key = sign + "\n" + msgId, MsgId = msgId, Now = UtcText.Format(now) }, transaction) == 1;
        }, cancellationToken);

    public Task RememberChatAsync(Chat chat, DateTimeOffset now, CancellationToken cancellationToken) =>
        Database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            INSERT INTO dingtalk_chat (conversation_id, is_group, staff_id, updated_at) VALUES (@ConversationId, @IsGroup, @StaffId, @Now)
            ON CONFLICT (conversation_id) DO UPDATE SET is_group = excluded.is_group, staff_id = coalesce(excluded.staff_id, staff_id), updated_at = excluded.updated_at
            """,
            new { chat.ConversationId, chat.IsGroup, StaffId = chat.IsGroup ? null : chat.StaffId, Now = UtcText.Format(now) }, transaction), cancellationToken);

    public async Task<Chat?> FindChatAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await Database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Chat>(
            "SELECT conversation_id, is_group, staff_id FROM dingtalk_chat WHERE conversation_id = @ConversationId", new { ConversationId = conversationId });
    }
}
