using System.CommandLine;
using CampaignBot.EvidenceFiles;
using CampaignBot.Ledger.Repositories;

namespace CampaignBot.Operator;

/// <summary>The evidence binder, `evidence verify` (every kept file against its hash) and `backup` (a consistent copy of everything).</summary>
public static class EvidenceVerbs
{
    public static async Task<int> WriteBinderAsync(IServiceProvider services, string path, string? item, TextWriter output)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".partial";
        EvidenceBinder.Summary summary;
        try
        {
            // Every evidence file of the campaign is in it: readable by its writer only.
            var options = Security.PrivateFiles.NewFile();
            options.Mode = FileMode.Create;
            await using (var stream = new FileStream(temporary, options))
            {
                summary = await services.GetRequiredService<EvidenceBinder>().WriteAsync(stream, item, CancellationToken.None);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        var texts = OperatorTexts.For(services);
        await output.WriteLineAsync(texts.BinderWritten(summary.Items, summary.Tasks, summary.Files, path));
        if (summary.MissingFiles > 0)
        {
            await output.WriteLineAsync(texts.BinderFilesMissing(summary.MissingFiles, EvidenceBinder.NotesName));
        }

        if (summary.Changed.Count > 0)
        {
            await output.WriteLineAsync(texts.BinderFilesChanged(summary.Changed.Count, EvidenceBinder.IndexName));
            foreach (var changed in summary.Changed)
            {
                await output.WriteLineAsync($"    {changed}");
            }
        }

        if (summary.Defused > 0)
        {
            await output.WriteLineAsync(texts.BinderActiveFilesRenamed(summary.Defused, EvidenceBinder.IndexName));
        }

        return OperatorVerbs.Done;
    }

    public static Command Command(IServiceProvider services)
    {
        var verify = new Command("verify", "reread every kept evidence file against its SHA-256; list the missing and the changed (exit 1 if any)");
        verify.SetVerbAction(services, (_, output) => VerifyAsync(services, output));
        return new Command("evidence", "the evidence files the bot keeps") { verify };
    }

    public static Command Backup(IServiceProvider services)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "an empty or new folder for the copy" };
        var command = new Command("backup", "a consistent copy of the ledger (SQLite's online backup, safe while the bot runs), the scheduler's store and the evidence files") { folder };
        command.SetVerbAction(services, (parsed, output) => BackupAsync(services, parsed.GetRequiredValue(folder).FullName, output));
        return command;
    }

    private static async Task<int> VerifyAsync(IServiceProvider services, TextWriter output)
    {
        var texts = OperatorTexts.For(services);
        var store = services.GetRequiredService<EvidenceFileStore>();
        var files = await services.GetRequiredService<EvidenceFileRepository>().StoredAsync(CancellationToken.None);
        var problems = 0;
        foreach (var file in files)
        {
            var check = await store.VerifyAsync(file.Sha256!, CancellationToken.None);
            if (check != FileCheck.Intact)
            {
                problems++;
                await output.WriteLineAsync(texts.EvidenceFileProblem(check == FileCheck.Missing, file.Id, file.OriginalName, file.SenderAccount, file.Sha256!));
            }
        }

        await output.WriteLineAsync(texts.EvidenceVerified(files.Count, problems));
        return problems == 0 ? OperatorVerbs.Done : OperatorVerbs.Refused;
    }

    private static async Task<int> BackupAsync(IServiceProvider services, string folder, TextWriter output)
    {
        var texts = OperatorTexts.For(services);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await output.WriteLineAsync(texts.BackupFolderNotEmpty(folder));
            return OperatorVerbs.Refused;
        }

        var copied = await services.GetRequiredService<Backups.BackupWriter>().WriteAsync(folder, CancellationToken.None);
        await output.WriteLineAsync(texts.BackupDone(copied, folder));
        return OperatorVerbs.Done;
    }
}
