using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Scheduling.Time;
using CampaignBot.Security;
using MiniExcelLibs;

namespace CampaignBot.EvidenceFiles;

/// <summary>
/// The inspectors' binder (佐证材料汇编): a zip with one folder per evaluation item (测评项目), one per
/// task inside ("T017 “我们的节日·中秋”主题活动"), the task's kept files under their original names
/// (made safe and unique), its notes and links in 说明与链接.txt, and at the top 目录.xlsx: every
/// item, every task (those without evidence first) with office, owner, deadline, state, completion,
/// and every piece of evidence with its path in the archive, sender, time and SHA-256. Names are
/// stored as UTF-8 (the zip's language flag), which Windows' and macOS's archive tools read.
/// A page, SVG or script (<see cref="ActiveContent"/>) is packed as it was sent but with ".txt" added
/// to its name, so that opening it shows its text instead of running it; a file whose bytes no
/// longer have the SHA-256 recorded when it was kept is packed as it is now, and listed
/// (<see cref="Summary.Changed"/>); the index's 备注 column says which is which.
/// </summary>
public sealed class EvidenceBinder(TaskRepository tasks, EvidenceRepository evidence, EvidenceFileStore store, CampaignClock clock)
{
    public const string IndexName = "目录.xlsx";
    public const string NotesName = "说明与链接.txt";
    private const string Unclassified = "未分类";

    public const string ActiveRemark = "网页或脚本类文件，已加 .txt 后缀，打开只显示文本、不会运行";
    public const string ChangedRemark = "文件内容与保存时的 SHA-256 不符：存储中的文件已被改动，请运行 evidence verify";

    /// <param name="Changed">The archive paths of files whose bytes no longer match their recorded hash.</param>
    /// <param name="Defused">How many files of active content got ".txt" added.</param>
    public sealed record Summary(int Items, int Tasks, int Files, int MissingFiles, IReadOnlyList<string> Changed, int Defused);

    /// <param name="evaluationItem">One item only, or null for the whole campaign.</param>
    public async Task<Summary> WriteAsync(Stream output, string? evaluationItem, CancellationToken cancellationToken)
    {
        var allTasks = (await tasks.AllAsync(cancellationToken))
            .Where(t => evaluationItem is null || ItemOf(t) == evaluationItem)
            .ToList();
        var byTask = (await evidence.ForBinderAsync(cancellationToken)).ToLookup(e => e.TaskId);
        var index = new List<Dictionary<string, object?>>();
        var files = 0;
        var missing = 0;
        var changed = new List<string>();
        var defused = 0;
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8);
        var items = allTasks.GroupBy(ItemOf).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var itemFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var itemFolder = SafeFileNames.Unique(SafeFileNames.Clean(item.Key, Unclassified), itemFolders);
            var taskFolders = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // What the inspectors will ask about first: tasks with nothing to show.
            foreach (var task in item.OrderBy(t => byTask[t.Id].Any() ? 1 : 0).ThenBy(t => t.Code, StringComparer.Ordinal))
            {
                var taskFolder = SafeFileNames.Unique(SafeFileNames.Clean($"{task.Code} {task.Title}", task.Code), taskFolders);
                var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { NotesName };
                var notes = new List<string>();
                var pieces = byTask[task.Id].ToList();
                if (pieces.Count == 0)
                {
                    index.Add(AsText(Row(item.Key, task, null, null)));
                }

                foreach (var piece in pieces)
                {
                    string? path = null;
                    var remarks = new List<string>();
                    if (piece.FileState == EvidenceFileStates.Stored && piece.Sha256 is { } sha && File.Exists(store.PathOf(sha)))
                    {
                        var name = SafeFileNames.Clean(piece.OriginalName ?? piece.Name, SafeFileNames.ForType(piece.ContentType));
                        if (ActiveContent.IsActive(name, piece.ContentType))
                        {
                            name = ActiveContent.Defused(name);
                            remarks.Add(ActiveRemark);
                            defused++;
                        }

                        name = SafeFileNames.Unique(name, taken);
                        path = $"{itemFolder}/{taskFolder}/{name}";
                        var entry = zip.CreateEntry(path, CompressionLevel.Fastest);
                        entry.LastWriteTime = piece.At;
                        if (!await CopyCheckingAsync(store.PathOf(sha), entry, sha, cancellationToken))
                        {
                            remarks.Add(ChangedRemark);
                            changed.Add(path);
                        }

                        files++;
                    }
                    else
                    {
                        path = $"{itemFolder}/{taskFolder}/{NotesName}";
                        if (piece.FileState is EvidenceFileStates.Stored)
                        {
                            missing++;
                        }

                        notes.Add(NoteLine(piece));
                    }

                    index.Add(AsText(Row(item.Key, task, piece, path, string.Join("；", remarks))));
                }

                if (notes.Count > 0)
                {
                    var entry = zip.CreateEntry($"{itemFolder}/{taskFolder}/{NotesName}", CompressionLevel.Fastest);
                    await using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                    await writer.WriteAsync($"{task.Code} {task.Title}\r\n\r\n" + string.Join("\r\n", notes) + "\r\n");
                }
            }
        }

        var indexEntry = zip.CreateEntry(IndexName, CompressionLevel.Fastest);
        using (var buffer = new MemoryStream())
        {
            await buffer.SaveAsAsync(index, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
            buffer.Position = 0;
            await using var target = indexEntry.Open();
            await buffer.CopyToAsync(target, cancellationToken);
        }

        return new Summary(items.Count, allTasks.Count, files, missing, changed, defused);
    }

    /// <summary>Copies a kept file into its entry, hashing what is read: whether the bytes still have the hash they were kept under.</summary>
    private static async Task<bool> CopyCheckingAsync(string source, ZipArchiveEntry entry, string sha256, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var target = entry.Open();
        await using var input = File.OpenRead(source);
        var buffer = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset()) == sha256;
    }

    /// <summary>Titles, names and notes are people's text: none may run as a formula in Excel or WPS.</summary>
    private static Dictionary<string, object?> AsText(Dictionary<string, object?> row) =>
        row.ToDictionary(c => c.Key, c => c.Value is string text ? SpreadsheetText.Neutralise(text) : c.Value);

    private static string ItemOf(LedgerTask task) => string.IsNullOrWhiteSpace(task.EvaluationItem) ? Unclassified : task.EvaluationItem.Trim();

    private string NoteLine(BinderEvidence piece)
    {
        var at = TimeZoneInfo.ConvertTime(piece.At, clock.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var what = piece.Kind switch
        {
            EvidenceRepository.Kinds.Note => $"说明：{piece.Note}",
            _ when piece.FileState is EvidenceFileStates.Pending => $"文件（待取回）：{piece.OriginalName ?? piece.Name}",
            _ when piece.FileState is EvidenceFileStates.Failed => $"文件（未能取回）：{piece.OriginalName ?? piece.Name} {piece.Url}",
            _ when piece.FileState is EvidenceFileStates.Refused => $"文件（未保存）：{piece.OriginalName ?? piece.Name}",
            _ when piece.FileState is EvidenceFileStates.Stored => $"文件（存储中缺失，请运行 evidence verify）：{piece.OriginalName ?? piece.Name}",
            _ => $"链接：{piece.Name} {piece.Url}".TrimEnd(),
        };
        return $"#{piece.Id} {what}（{piece.ByName}，{at}）";
    }

    private Dictionary<string, object?> Row(string item, LedgerTask task, BinderEvidence? piece, string? path, string remark = "") => new()
    {
        ["测评项目"] = item,
        ["编号"] = task.Code,
        ["任务"] = task.Title,
        ["牵头单位"] = task.LeadOfficeName,
        ["责任人"] = task.OwnerName ?? "",
        ["截止日期"] = task.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["状态"] = task.IsDone ? "已完成" : task.DueOn < clock.Today ? "逾期" : "未完成",
        ["完成时间"] = task.DoneAt is { } done ? TimeZoneInfo.ConvertTime(done, clock.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "",
        ["佐证"] = piece is null ? "（无）" : piece.Kind == EvidenceRepository.Kinds.Note ? "说明" : piece.OriginalName ?? piece.Name ?? piece.Url ?? "",
        ["文件位置"] = path ?? "",
        ["提交人"] = piece?.ByName ?? "",
        ["提交时间"] = piece is null ? "" : TimeZoneInfo.ConvertTime(piece.At, clock.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ["SHA-256"] = piece?.Sha256 ?? "",
        ["备注"] = remark,
    };
}
