using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Tests.Backups;

/// <summary>
/// Issue 25, point 4, as an operator meets it: the real bot running as its own process, and
/// `restore` run beside it as another. The lock is the kernel's, so the second process sees the first;
/// once the bot is stopped (killed, as a crash would), nothing stale is left and the restore goes through.
/// </summary>
[Needs(Needs.Process)]
public sealed class RestoreProcessTests
{
    [Fact]
    public async Task Restore_IsRefusedWhileTheBotProcessRuns_AndGoesThroughOnceItIsGone()
    {
        await using var database = await TestDatabase.CreateAsync();
        var backup = Path.Combine(database.Folder, "copy");
        var port = BotProcess.FreePort();
        using var bot = BotProcess.Start(database, ["--urls", $"http://127.0.0.1:{port}"]);
        try
        {
            using var http = await BotProcess.ServingAsync(port);
            var (code, output) = await BotProcess.RunToEndAsync(BotProcess.Start(database, ["backup", backup]));
            Assert.True(code == 0, output);

            (code, output) = await BotProcess.RunToEndAsync(BotProcess.Start(database, ["restore", backup]));
            Assert.True(code == 3, output);
            Assert.Contains("campaignbot", output, StringComparison.Ordinal);
            Assert.Contains(".lock", output, StringComparison.Ordinal);
        }
        finally
        {
            await BotProcess.KillAsync(bot);
        }

        await using (var ledger = new SqliteConnection($"Data Source={database.Path};Pooling=False"))
        {
            await ledger.ExecuteAsync("UPDATE task SET title = 'changed after the backup' WHERE code = 'T014'");
        }

        var (restored, said) = await BotProcess.RunToEndAsync(BotProcess.Start(database, ["restore", backup]));
        Assert.True(restored == 0, said);
        await using var after = new SqliteConnection($"Data Source={database.Path};Mode=ReadOnly;Pooling=False");
        Assert.NotEqual("changed after the backup", await after.ExecuteScalarAsync<string>("SELECT title FROM task WHERE code = 'T014'"));
    }
}
