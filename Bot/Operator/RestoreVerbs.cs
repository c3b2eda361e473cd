using System.CommandLine;
using CampaignBot.Backups;

namespace CampaignBot.Operator;

/// <summary>`restore &lt;folder&gt;`: a backup put back in place of the data, checked first, refused while the bot runs (<see cref="BackupRestore"/>).</summary>
public static class RestoreVerbs
{
    public static Command Command(IServiceProvider services)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "a folder written by `backup`, the nightly backup or the backup before a migration" };
        var command = new Command(
            "restore",
            "put a backup in place of the data: checked first (SQLite integrity, schema version, every evidence file against its SHA-256), refused while the bot runs; the data replaced is kept beside it")
        {
            folder,
        };

        // Not SetVerbAction: that opens and migrates the ledger this replaces, which may be the damaged one.
        command.SetAction(async (parsed, cancellationToken) =>
            await RestoreAsync(services, parsed.GetRequiredValue(folder).FullName, parsed.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> RestoreAsync(IServiceProvider services, string folder, TextWriter output, CancellationToken cancellationToken)
    {
        var texts = OperatorTexts.For(services);
        switch (await services.GetRequiredService<BackupRestore>().RestoreAsync(folder, cancellationToken))
        {
            case BackupRestore.Outcome.Restored restored:
                await output.WriteLineAsync(texts.RestoreDone(folder, restored.KeptAside));
                return OperatorVerbs.Done;
            case BackupRestore.Outcome.InUse inUse:
                await output.WriteLineAsync(texts.RestoreInUse(inUse.LockFile));
                return OperatorVerbs.Unavailable;
            case BackupRestore.Outcome.Refused refused:
                await output.WriteLineAsync(texts.RestoreRefused(folder, refused.Problems.Count));
                foreach (var problem in refused.Problems)
                {
                    await output.WriteLineAsync(texts.RestoreProblem(problem.Kind, problem.Detail));
                }

                return OperatorVerbs.Refused;
            default:
                await output.WriteLineAsync(texts.RestoreNoFolder(folder));
                return OperatorVerbs.Refused;
        }
    }
}
