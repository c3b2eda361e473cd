using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignBot.DirectLine;

/// <summary>
/// How much of an account's uploads the server keeps that never became evidence (a photo sent
/// without a task, one refused): at most <see cref="AccountLimits.UnclaimedUploadMegabytes"/>. An
/// upload that would go over is refused whole (413) before anything of it is stored; uploads that
/// are evidence do not count, and the sweep (<see cref="RetentionSweep"/>) deletes unclaimed ones
/// after <see cref="RetentionOptions.UnclaimedUploadDays"/>.
/// </summary>
public sealed class UploadQuota(LedgerDatabase database, DirectoryRepository directory, IOptions<LimitsOptions> limits)
{
    public async Task<long> UnclaimedBytesAsync(string account, CancellationToken cancellationToken) =>
        (await database.Reads.QueryAsync<long>(
            $"SELECT COALESCE(SUM(a.size_bytes), 0) FROM directline_attachment a WHERE a.user_id = @Account AND {EvidenceRepository.AttachmentUnclaimed("a")}",
            new { Account = account }, cancellationToken))[0];

    /// <summary>Bytes of uploads being stored right now, by account: counted with what is kept, so that simultaneous uploads cannot each pass the check alone.</summary>
    private readonly Dictionary<string, long> inFlight = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim checking = new(1, 1);

    /// <summary>
    /// Reserves <paramref name="incomingBytes"/> of the account's quota while the upload is stored
    /// (dispose the reservation once its rows are written, or it failed); or the refusal when they
    /// would take the account over its quota.
    /// </summary>
    public async Task<(IDisposable? Reservation, IResult? Refusal)> ReserveAsync(string account, long incomingBytes, CancellationToken cancellationToken)
    {
        var known = await directory.FindPersonByAccountAsync(account, cancellationToken) is not null;
        var quota = limits.Value.For(known).UnclaimedUploadBytes;
        await checking.WaitAsync(cancellationToken);
        try
        {
            var kept = await UnclaimedBytesAsync(account, cancellationToken) + inFlight.GetValueOrDefault(account);
            if (kept + incomingBytes > quota)
            {
                return (null, DirectLineErrors.Of(StatusCodes.Status413PayloadTooLarge, "QuotaExceeded",
                    $"This account's files that are not evidence yet take {Megabytes(kept)} of {Megabytes(quota)}; this upload ({Megabytes(incomingBytes)}) would go over. "
                    + "Send files with the task they are for (完成 T017), or wait until unused ones are deleted."));
            }

            inFlight[account] = inFlight.GetValueOrDefault(account) + incomingBytes;
            return (new Reservation(this, account, incomingBytes), null);
        }
        finally
        {
            checking.Release();
        }
    }

    private void Release(string account, long bytes)
    {
        checking.Wait();
        try
        {
            var left = inFlight.GetValueOrDefault(account) - bytes;
            if (left > 0)
            {
                inFlight[account] = left;
            }
            else
            {
                inFlight.Remove(account);
            }
        }
        finally
        {
            checking.Release();
        }
    }

    private sealed class Reservation(UploadQuota quota, string account, long bytes) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                quota.Release(account, bytes);
            }
        }
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
