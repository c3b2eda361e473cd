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
    /// <summary>The condition for an upload (a row of directline_attachment, by <paramref name="table"/>) that no evidence row, shown or withdrawn, names.</summary>
    public static string Unclaimed(string table) => $"NOT EXISTS (SELECT 1 FROM evidence e WHERE e.attachment_id = {table}.id)";

    public async Task<long> UnclaimedBytesAsync(string account, CancellationToken cancellationToken) =>
        (await database.Reads.QueryAsync<long>(
            $"SELECT COALESCE(SUM(a.size_bytes), 0) FROM directline_attachment a WHERE a.user_id = @Account AND {Unclaimed("a")}",
            new { Account = account }, cancellationToken))[0];

    /// <summary>The refusal when <paramref name="incomingBytes"/> more would take the account over its quota, else null.</summary>
    public async Task<IResult?> RefusalAsync(string account, long incomingBytes, CancellationToken cancellationToken)
    {
        var known = await directory.FindPersonByAccountAsync(account, cancellationToken) is not null;
        var quota = limits.Value.For(known).UnclaimedUploadBytes;
        var kept = await UnclaimedBytesAsync(account, cancellationToken);
        if (kept + incomingBytes <= quota)
        {
            return null;
        }

        return DirectLineErrors.Of(StatusCodes.Status413PayloadTooLarge, "QuotaExceeded",
            $"This account's files that are not evidence yet take {Megabytes(kept)} of {Megabytes(quota)}; this upload ({Megabytes(incomingBytes)}) would go over. "
            + "Send files with the task they are for (完成 T017), or wait until unused ones are deleted.");
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
