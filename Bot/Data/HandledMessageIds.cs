using Dapper;

namespace CampaignBot.Data;

/// <summary>
/// The message ids a channel that redelivers (DingTalk's stream and callback, WeCom's long
/// connection and callback) has handled, in the ledger, so that a message delivered again (a retry,
/// a reconnect, a restart) is answered once. A claim is taken before the turn and marked handled
/// after it; one left unfinished by a stopped process is taken over after <see cref="ClaimLease"/>.
/// </summary>
/// <param name="table">The channel's table (msg_id, received_at, handled_at): a constant of the channel, never input.</param>
public abstract class HandledMessageIds(LedgerDatabase database, string table)
{
    /// <summary>Channels redeliver within minutes; a week of ids is ample and keeps the table small.</summary>
    protected static readonly TimeSpan KeepHandledIds = TimeSpan.FromDays(7);

    /// <summary>How long a claim holds without being marked handled: past it, the process that took it is taken to have stopped.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    protected LedgerDatabase Database { get; } = database;

    /// <summary>False when the message was handled before, or is being handled now (a redelivery).</summary>
    public async Task<bool> TryClaimAsync(string msgId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await Database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync($"DELETE FROM {table} WHERE received_at < @Before",
                new { Before = UtcText.Format(now - KeepHandledIds) }, transaction);
            return await connection.ExecuteAsync(
                $"""
                INSERT INTO {table} (msg_id, received_at) VALUES (@MsgId, @Now)
                ON CONFLICT (msg_id) DO UPDATE SET received_at = excluded.received_at
                WHERE handled_at IS NULL AND {table}.received_at < @Stale
                """,
                new { MsgId = msgId, Now = UtcText.Format(now), Stale = UtcText.Format(now - ClaimLease) }, transaction) == 1;
        }, cancellationToken);

    /// <summary>The turn is done: a redelivery from now on is a repeat.</summary>
    public Task MarkHandledAsync(string msgId, DateTimeOffset now, CancellationToken cancellationToken) =>
        Database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync($"UPDATE {table} SET handled_at = @Now WHERE msg_id = @MsgId", new { MsgId = msgId, Now = UtcText.Format(now) }, transaction), cancellationToken);

    /// <summary>Gives a claim back when the message could not be handled, so that the channel's redelivery is.</summary>
    public Task ReleaseAsync(string msgId, CancellationToken cancellationToken) =>
        Database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync($"DELETE FROM {table} WHERE msg_id = @MsgId", new { MsgId = msgId }, transaction), cancellationToken);
}
