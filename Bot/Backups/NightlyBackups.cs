using System.Globalization;
using CampaignBot.Security;
using Microsoft.Extensions.Options;

namespace CampaignBot.Backups;

/// <summary>
/// The nightly copy: each into its own folder named by the campaign's local date and time
/// (nightly-2026-12-03_023000), written under a hidden name and renamed when complete, so a folder
/// with the nightly name is always a whole backup. A failed copy is logged and removed, and the
/// older ones stay; only after a copy succeeded are the oldest beyond `Backup:Keep` deleted.
/// </summary>
public sealed class NightlyBackups(
    BackupWriter writer, BackupLayout layout, IOptions<BackupOptions> options, IOptions<CampaignOptions> campaign, TimeProvider time, ILogger<NightlyBackups> logger)
{
    public const string Prefix = "nightly-";
    private const string Partial = ".partial-";
    private const string StampFormat = "yyyy-MM-dd_HHmmss";

    public string Root => options.Value.FolderFor(layout.LedgerPath);

    /// <summary>Takes tonight's copy; the folder it wrote, or null when it failed (logged).</summary>
    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(campaign.Value.TimeZone);
        var name = Prefix + TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).ToString(StampFormat, CultureInfo.InvariantCulture);
        var target = Path.Combine(Root, name);
        var partial = Path.Combine(Root, Partial + name);
        try
        {
            PrivateFiles.EnsureFolder(Root);
            RemoveUnfinished();
            var files = await writer.WriteAsync(partial, cancellationToken);
            Directory.Move(partial, target);
            logger.LogInformation("Nightly backup written to {Folder} ({Files} evidence files)", target, files);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Nightly backup to {Folder} failed; the older backups are kept", target);
            TryDelete(partial);
            return null;
        }

        DeleteBeyondKeep();
        return target;
    }

    /// <summary>The nightly copies, newest first (the stamp sorts as the time).</summary>
    public IReadOnlyList<string> Existing() =>
        !Directory.Exists(Root) ? [] :
        Directory.EnumerateDirectories(Root, Prefix + "*")
            .Where(d => DateTime.TryParseExact(Path.GetFileName(d)[Prefix.Length..], StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)
            .ToList();

    private void DeleteBeyondKeep()
    {
        foreach (var old in Existing().Skip(options.Value.Keep))
        {
            if (TryDelete(old))
            {
                logger.LogInformation("Deleted the nightly backup {Folder} (Backup:Keep is {Keep})", old, options.Value.Keep);
            }
        }
    }

    /// <summary>What a copy interrupted by a crash or a full disk left.</summary>
    private void RemoveUnfinished()
    {
        foreach (var unfinished in Directory.EnumerateDirectories(Root, Partial + Prefix + "*"))
        {
            TryDelete(unfinished);
        }
    }

    private bool TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not delete the backup folder {Folder}", folder);
            return false;
        }
    }
}
