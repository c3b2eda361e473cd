using CampaignBot.Data;
using CampaignBot.Security;
using Dapper;
using Microsoft.Extensions.Options;
using CampaignBot.Ledger.Repositories;

namespace CampaignBot.DirectLine;

/// <summary>
/// Applies <see cref="RetentionOptions"/>: at start-up and every few hours deletes Web Chat messages
/// past their days (keeping each conversation's latest), misses past theirs, and uploads that never
/// became evidence past theirs: their rows in one transaction, then their files. Evidence is never
/// touched: an upload that any evidence row names (withdrawn included) stays.
/// </summary>
public sealed class RetentionSweep(
    LedgerDatabase database, UnderstandingMissRepository misses, IOptions<RetentionOptions> options, IOptions<DirectLineOptions> directLine, TimeProvider time, ILogger<RetentionSweep> logger) : BackgroundService
{
    public sealed record Result(int Activities, int Misses, int Uploads, long UploadBytes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(options.Value.SweepHours), time);
        do
        {
            try
            {
                var result = await SweepAsync(stoppingToken);
                if (result.Activities + result.Misses + result.Uploads > 0)
                {
                    logger.LogInformation("Retention: deleted {Activities} Web Chat messages, {Misses} misses, {Uploads} unclaimed uploads ({Bytes} bytes)",
                        result.Activities, result.Misses, result.Uploads, result.UploadBytes);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The retention sweep failed; the next one tries again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<Result> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var uploadCutoff = now.AddDays(-settings.UnclaimedUploadDays);
        var (activities, missesForgotten, uploads) = await database.WriteAsync(async (connection, transaction) =>
        {
            var activities = await connection.ExecuteAsync(
                """
                DELETE FROM directline_activity
                WHERE created_at < @Cutoff
                  AND watermark NOT IN (SELECT d.watermark FROM directline_activity d
                                        WHERE d.conversation_id = directline_activity.conversation_id
                                        ORDER BY d.watermark DESC LIMIT @Keep)
                """,
                new { Cutoff = UtcText.Format(now.AddDays(-settings.DirectLineActivityDays)), Keep = settings.KeepRecentActivities }, transaction);
            var forgotten = await misses.ForgetBeforeAsync(transaction, now.AddDays(-settings.UnderstandingMissDays));
            var uploads = (await connection.QueryAsync<(string Id, long SizeBytes)>(
                $"DELETE FROM directline_attachment WHERE created_at < @Cutoff AND {EvidenceRepository.AttachmentUnclaimed("directline_attachment")} RETURNING id, size_bytes",
                new { Cutoff = UtcText.Format(uploadCutoff) }, transaction)).AsList();
            return (activities, forgotten, uploads);
        }, cancellationToken);

        // The rows are gone first: a crash here leaves a file without a row, which the next pass removes.
        var folder = Path.GetFullPath(directLine.Value.AttachmentsFolder);
        foreach (var (id, _) in uploads)
        {
            File.Delete(Path.Combine(folder, id));
        }

        await RemoveOrphansAsync(folder, uploadCutoff, cancellationToken);
        return new Result(activities, missesForgotten, uploads.Count, uploads.Sum(u => u.SizeBytes));
    }

    /// <summary>Files in the uploads folder that no row names (left by a crash, or by a sweep cut short), once they are as old as an unclaimed upload may get.</summary>
    private async Task RemoveOrphansAsync(string folder, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var known = (await connection.QueryAsync<string>("SELECT id FROM directline_attachment")).ToHashSet(StringComparer.Ordinal);
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles())
        {
            if (!known.Contains(file.Name) && file.LastWriteTimeUtc < cutoff.UtcDateTime)
            {
                logger.LogInformation("Retention: removed {File}, an upload no row names", ControlCharacters.OneLine(file.Name));
                file.Delete();
            }
        }
    }
}
