using CampaignBot.Data;
using CampaignBot.DirectLine;
using CampaignBot.EvidenceFiles;
using Microsoft.Extensions.Options;

namespace CampaignBot.Backups;

/// <summary>
/// What a backup holds, where each piece lives in the running bot's data and under which name it
/// is in a backup folder: the one list that <see cref="BackupWriter"/> writes and <see cref="BackupRestore"/> puts back.
/// </summary>
public sealed record BackupLayout(string LedgerPath, string SchedulerPath, string EvidenceFolder, string AttachmentsFolder, string SecretFile)
{
    public const string EvidenceName = "evidence";
    public const string AttachmentsName = "attachments";

    public string LedgerName => Path.GetFileName(LedgerPath);

    public string SchedulerName => Path.GetFileName(SchedulerPath);

    public string SecretName => Path.GetFileName(SecretFile);

    public static BackupLayout From(IOptions<StorageOptions> storage, IOptions<EvidenceOptions> evidence, IOptions<DirectLineOptions> directLine) => new(
        Path.GetFullPath(storage.Value.DatabasePath),
        Path.GetFullPath(storage.Value.SchedulerDatabasePath),
        Path.GetFullPath(evidence.Value.Folder),
        Path.GetFullPath(directLine.Value.AttachmentsFolder),
        Path.GetFullPath(directLine.Value.SecretFile));

    /// <summary>Each piece as (name in a backup, place in the data, whether it is a folder, whether it is a SQLite file).</summary>
    public IReadOnlyList<(string Name, string Target, bool IsFolder, bool IsDatabase)> Pieces =>
    [
        (LedgerName, LedgerPath, false, true),
        (SchedulerName, SchedulerPath, false, true),
        (EvidenceName, EvidenceFolder, true, false),
        (AttachmentsName, AttachmentsFolder, true, false),
        (SecretName, SecretFile, false, false),
    ];
}
