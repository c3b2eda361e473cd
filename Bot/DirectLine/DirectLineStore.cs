using System.Security.Cryptography;
using CampaignBot.Data;
using Dapper;
using Microsoft.Bot.Schema;

namespace CampaignBot.DirectLine;

/// <summary>
/// The channel's conversations and their activities, in the ledger's SQLite file, so that what was
/// said (and reminders pushed while nobody had the page open) is still there after a restart.
/// </summary>
public sealed class DirectLineStore(LedgerDatabase database, TimeProvider time) : Bots.IUploadedFiles
{
    /// <summary>Most activities one read returns; a client asks again from the new watermark.</summary>
    public const int PageSize = 200;

    public static string NewId(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
        database.Reads.QuerySingleOrDefaultAsync<DirectLineConversation>(
            "SELECT id, user_id AS UserId, user_name AS UserName FROM directline_conversation WHERE id = @Id", new { Id = conversationId }, cancellationToken);

    public Task<DirectLineConversation> CreateAsync(string userId, string? userName, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var created = new DirectLineConversation(NewId("dl"), userId, userName);
            await connection.ExecuteAsync(
                "INSERT INTO directline_conversation (id, user_id, user_name, created_at) VALUES (@Id, @UserId, @UserName, @At)",
                new { created.Id, created.UserId, created.UserName, At = UtcText.Format(time.GetUtcNow()) }, transaction);
            return created;
        }, cancellationToken);

    /// <summary>
    /// The Web Chat page's conversation of a user: one per person (a unique index says so, so that
    /// simultaneous first sign-ins agree on one), kept, so the page shows what came while it was closed.
    /// </summary>
    public async Task<(DirectLineConversation Conversation, bool Created)> PageConversationAsync(string userId, string? userName, CancellationToken cancellationToken = default)
    {
        const string page = "SELECT id, user_id AS UserId, user_name AS UserName FROM directline_conversation WHERE user_id = @UserId AND is_page = 1";
        if (await database.Reads.QuerySingleOrDefaultAsync<DirectLineConversation>(page, new { UserId = userId }, cancellationToken) is { } existing)
        {
            return (existing, false);
        }

        return await database.WriteAsync(async (connection, transaction) =>
        {
            var created = await connection.ExecuteAsync(
                """
                INSERT INTO directline_conversation (id, user_id, user_name, created_at, is_page) VALUES (@Id, @UserId, @UserName, @At, 1)
                ON CONFLICT DO NOTHING
                """,
                new { Id = NewId("dl"), UserId = userId, UserName = userName, At = UtcText.Format(time.GetUtcNow()) }, transaction) == 1;
            return (await connection.QuerySingleAsync<DirectLineConversation>(page, new { UserId = userId }, transaction), created);
        }, cancellationToken);
    }

    private GroupCommit<NewActivity>? appends;

    /// <summary>
    /// Appends that many conversations make at once (50 people asking, each message and each answer
    /// one row) share transactions: SQLite has one writer, and one transaction per row made it the
    /// channel's bottleneck. Nothing is acknowledged before its transaction commits.
    /// </summary>
    private GroupCommit<NewActivity> Appends => appends ??= new GroupCommit<NewActivity>(database, static async (connection, transaction, rows) =>
    {
        foreach (var row in rows)
        {
            await connection.ExecuteAsync(
                "INSERT INTO directline_activity (conversation_id, activity_id, json, created_at) VALUES (@ConversationId, @ActivityId, @Json, @At)",
                row, transaction);
        }
    });

    /// <summary>Adds an activity to a conversation, with a new id and timestamp; returns the id once it is stored.</summary>
    public async Task<string> AppendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        activity.Id = NewId(activity.Conversation.Id + "|");
        activity.Timestamp = time.GetUtcNow();
        // Serialised before queueing, not while holding the write lock; compact, and without the
        // SDK's copy of each attachment's content (StoredActivityJson).
        var json = StoredActivityJson.Serialize(activity);
        await Appends.WriteAsync(new NewActivity(activity.Conversation.Id, activity.Id, json, UtcText.Format(activity.Timestamp.Value)), cancellationToken);
        return activity.Id;
    }

    private sealed record NewActivity(string ConversationId, string ActivityId, string Json, string At);

    /// <summary>
    /// The activities after <paramref name="watermark"/> (as UTF-8 JSON, the bytes SQLite keeps,
    /// which go to the client as they are), oldest first, and the new watermark.
    /// </summary>
    public async Task<(IReadOnlyList<byte[]> Activities, long Watermark)> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken = default)
    {
        var rows = await database.Reads.QueryAsync<(long Watermark, byte[] Json)>(
            "SELECT watermark, CAST(json AS BLOB) FROM directline_activity WHERE conversation_id = @ConversationId AND watermark > @After ORDER BY watermark LIMIT @Limit",
            new { ConversationId = conversationId, After = watermark, Limit = PageSize }, cancellationToken);
        return (rows.Select(r => r.Json).ToList(), rows.Count == 0 ? watermark : rows[^1].Watermark);
    }

    public async Task<long> LatestWatermarkAsync(string conversationId, CancellationToken cancellationToken = default) =>
        (await database.Reads.QueryAsync<long>(
            "SELECT COALESCE(max(watermark), 0) FROM directline_activity WHERE conversation_id = @ConversationId",
            new { ConversationId = conversationId }, cancellationToken))[0];

    public Task AddAttachmentAsync(StoredAttachment attachment, CancellationToken cancellationToken = default) =>
        database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            INSERT INTO directline_attachment (id, conversation_id, user_id, name, content_type, size_bytes, created_at)
            VALUES (@Id, @ConversationId, @UserId, @Name, @ContentType, @SizeBytes, @At)
            """,
            new { attachment.Id, attachment.ConversationId, attachment.UserId, attachment.Name, attachment.ContentType, attachment.SizeBytes, At = UtcText.Format(time.GetUtcNow()) },
            transaction), cancellationToken);

    /// <remarks>
    /// The exact id by its index first; only a link whose id matches no file exactly is compared
    /// without case (a scan, for the rare message that cites a re-cased link). Ids are 128 random
    /// bits: two that differ only in case do not occur.
    /// </remarks>
    async Task<Bots.UploadedFile?> Bots.IUploadedFiles.FindAsync(string attachmentId, CancellationToken cancellationToken)
    {
        var file = await FindAttachmentAsync(attachmentId, cancellationToken)
            ?? await database.Reads.QuerySingleOrDefaultAsync<StoredAttachment>(
                "SELECT id, conversation_id AS ConversationId, user_id AS UserId, name, content_type AS ContentType, size_bytes AS SizeBytes FROM directline_attachment WHERE id = @Id COLLATE NOCASE ORDER BY id LIMIT 1",
                new { Id = attachmentId }, cancellationToken);
        return file is null ? null : new Bots.UploadedFile(file.Id, file.UserId, file.ConversationId);
    }

    public Task<StoredAttachment?> FindAttachmentAsync(string id, CancellationToken cancellationToken = default) =>
        database.Reads.QuerySingleOrDefaultAsync<StoredAttachment>(
            "SELECT id, conversation_id AS ConversationId, user_id AS UserId, name, content_type AS ContentType, size_bytes AS SizeBytes FROM directline_attachment WHERE id = @Id", new { Id = id }, cancellationToken);
}
