using CampaignBot.Data;
using Dapper;

namespace CampaignBot.WeCom;

/// <summary>
/// The msgids the WeCom channel has handled, in the ledger: a message WeCom delivers again (a
/// callback retried after five seconds, a long connection's redelivery, a restart) is answered once.
/// A claim is taken before the turn and marked handled after it; one left unfinished by a stopped
/// process may be taken over by a redelivery after <see cref="ClaimLease"/>.
/// </summary>
public sealed class WeComStore(LedgerDatabase database)
{
    /// <summary>WeCom retries within seconds; a week of ids is ample and keeps the table small.</summary>
    private static readonly TimeSpan KeepHandledIds = TimeSpan.FromDays(7);

    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    /// <summary>False when the message was handled before or is being handled now.</summary>
    public async Task<bool> TryClaimAsync(string msgId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.WriteAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync("DELETE FROM wecom_message WHERE received_at < @Before",
                new { Before = UtcText.Format(now - KeepHandledIds) }, transaction);
            return await connection.ExecuteAsync(
                """
                INSERT INTO wecom_message (msg_id, received_at) VALUES (@MsgId, @Now)
                ON CONFLICT (msg_id) DO UPDATE SET received_at = excluded.received_at
                WHERE handled_at IS NULL AND wecom_message.received_at < @Stale
                """,
                new { MsgId = msgId, Now = UtcText.Format(now), Stale = UtcText.Format(now - ClaimLease) }, transaction) == 1;
        }, cancellationToken);

    public Task MarkHandledAsync(string msgId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync("UPDATE wecom_message SET handled_at = @Now WHERE msg_id = @MsgId", new { MsgId = msgId, Now = UtcText.Format(now) }, transaction), cancellationToken);

    /// <summary>Gives a claim back when the turn was stopped, so that a redelivery is handled.</summary>
    public Task ReleaseAsync(string msgId, CancellationToken cancellationToken) =>
        database.WriteAsync((connection, transaction) =>
            connection.ExecuteAsync("DELETE FROM wecom_message WHERE msg_id = @MsgId", new { MsgId = msgId }, transaction), cancellationToken);
}
