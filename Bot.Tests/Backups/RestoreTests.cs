using System.Net.Http.Headers;
using CampaignBot.Backups;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Backups;

/// <summary>
/// Issue 25, point 4: `restore &lt;folder&gt;` on a real ledger with tasks and evidence (uploaded
/// through Web Chat over real HTTP): backed up, changed, restored, and the ledger and the evidence
/// are as backed up; a damaged copy (flipped bytes, a missing or changed evidence file) is refused
/// with nothing replaced, and so is a ledger of a newer build; refused while the bot runs; a restore interrupted between its renames is
/// finished by the next start.
/// </summary>
[Needs(Needs.Host)]
public sealed class RestoreTests : IAsyncLifetime
{
    private readonly BackupFolders data = new(TestDatabase.NewFolder());

    private string BackupFolder => Path.Combine(data.Root, "copy");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data.Root, recursive: true);
        return Task.CompletedTask;
    }

    private BotApplication StartBot(out HttpClient http)
    {
        var app = new BotApplication(data.Settings());
        http = new HttpClient { BaseAddress = app.StartOnKestrel() };
        return app;
    }

    private static Task UploadAsync(DirectLineSession session, string text, byte[] picture) =>
        session.UploadAsync("sample-zonghe", text, new ByteArrayContent(picture) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "现场.png");

    /// <summary>T024 done with a photo, backed up; returns the snapshot of what the backup holds.</summary>
    private async Task<string> LedgerWithEvidenceBackedUpAsync(BotApplication app, HttpClient http)
    {
        var zhang = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        await UploadAsync(zhang, "完成 T024 宣传资料已发放", TestImages.Png);
        var (code, output) = await OperatorRun.RunAsync(app.Services, "backup", BackupFolder);
        Assert.True(code == 0, output);
        return data.Snapshot();
    }

    [Fact]
    public async Task ABackup_RestoredAfterChanges_GivesBackTheLedgerAndTheEvidence_AndIsRefusedWhileTheBotRuns()
    {
        string backedUp, changed;
        var app = StartBot(out var http);
        await using (app)
        using (http)
        {
            backedUp = await LedgerWithEvidenceBackedUpAsync(app, http);
            Assert.Contains("T024 done", backedUp);

            // Changed after the backup: reopened, and another photo kept as evidence.
            var zhang = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
            await UploadAsync(zhang, "补充佐证 T024 第二批", [.. TestImages.Png, 9, 9, 9]);
            await zhang.PostTextAsync("重开 T024");
            changed = data.Snapshot();
            Assert.NotEqual(backedUp, changed);
            Assert.Contains("T024 open", changed);

            // The running bot holds the data: refused, exit 3, nothing replaced.
            var (code, output) = await OperatorRun.RunAsync(app.Services, "restore", BackupFolder);
            Assert.True(code == 3, output);
            Assert.Contains(".lock", output);
            Assert.Equal(changed, data.Snapshot());
        }

        await using (var services = data.Services())
        {
            var (code, output) = await OperatorRun.RunAsync(services, "restore", BackupFolder);
            Assert.True(code == 0, output);
            Assert.Contains("before-restore", output);
        }

        Assert.Equal(backedUp, data.Snapshot());
        // The data replaced is kept aside, whole.
        var aside = Directory.GetFiles(Path.GetDirectoryName(data.Ledger)!, "campaignbot.db.before-restore-*").Single();
        Assert.Equal(changed, BackupFolders.Snapshot(aside, Directory.GetDirectories(Path.GetDirectoryName(data.Ledger)!, "evidence.before-restore-*").Single()));

        // The bot starts on the restored data and finds every file it lists.
        await using var restarted = new BotApplication(data.Settings());
        var answer = await BotApplication.ReplyTextsAsync(await restarted.PostMessageAsync(restarted.CreateClient(), "sample-zonghe", "佐证 T024"));
        Assert.Contains(answer, t => t.Contains("已保存"));
        Assert.Equal(0, (await OperatorRun.RunAsync(restarted.Services, "evidence", "verify")).Code);
    }

    [Fact]
    public async Task ADamagedCopy_OrOneOfANewerBuild_IsRefused_AndNothingIsReplaced()
    {
        var app = StartBot(out var http);
        await using (app)
        using (http)
        {
            await LedgerWithEvidenceBackedUpAsync(app, http);
        }

        var before = data.Snapshot();
        var sha = Directory.EnumerateFiles(Path.Combine(BackupFolder, "evidence"), "*", SearchOption.AllDirectories).First();
        var relativeEvidence = Path.GetRelativePath(BackupFolder, sha);

        // Flipped bytes in the ledger's pages (the header left intact, so SQLite opens it and must look).
        var flipped = Copy("flipped", copy =>
        {
            using var file = File.Open(Path.Combine(copy, "campaignbot.db"), FileMode.Open);
            for (var page = 2; page * 4096 < file.Length && page < 40; page++)
            {
                file.Position = (page - 1) * 4096L + 8;
                file.Write(Enumerable.Repeat((byte)0xA5, 64).ToArray());
            }
        });
        var missing = Copy("missing", copy => File.Delete(Path.Combine(copy, relativeEvidence)));
        var changed = Copy("changed", copy => File.AppendAllText(Path.Combine(copy, relativeEvidence), "x"));
        var newer = Copy("newer", copy =>
        {
            using var ledger = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(copy, "campaignbot.db")};Pooling=False");
            ledger.Open();
            using var insert = ledger.CreateCommand();
            insert.CommandText = $"INSERT INTO schema_migration VALUES ({CampaignBot.Data.SchemaMigrator.LatestVersion + 1}, '9999_from_a_newer_build.sql', '2027-01-01T00:00:00Z')";
            insert.ExecuteNonQuery();
        });

        await using var services = data.Services();
        foreach (var (copy, expected) in new[] { (flipped, "SQLite 完整性检查"), (missing, "佐证文件缺失"), (changed, "SHA-256 不符"), (newer, "更新的版本") })
        {
            var (code, output) = await OperatorRun.RunAsync(services, "restore", copy);
            Assert.True(code == 1, output);
            Assert.Contains(expected, output, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(before, data.Snapshot());
            Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(data.Ledger)!, "*.restoring"));
            Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(data.Ledger)!, "*before-restore*"));
        }
    }

    [Fact]
    public async Task ARestoreInterruptedBetweenItsRenames_IsFinishedByTheNextStart()
    {
        var app = StartBot(out var http);
        string backedUp;
        await using (app)
        using (http)
        {
            backedUp = await LedgerWithEvidenceBackedUpAsync(app, http);
            var zhang = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
            await zhang.PostTextAsync("重开 T024");
        }

        // The state a crash leaves after the first rename: the journal written, the old ledger
        // moved aside, the checked copy not yet in its place (no ledger at all where the bot looks).
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Copy(Path.Combine(BackupFolder, "campaignbot.db"), data.Ledger + ".restoring");
        RestoreJournal.Write(data.Ledger, [new(data.Ledger, data.Ledger + ".before-restore-x"), new(data.Ledger + ".restoring", data.Ledger)]);
        File.Move(data.Ledger, data.Ledger + ".before-restore-x");
        foreach (var log in new[] { "-wal", "-shm" }.Select(s => data.Ledger + s).Where(File.Exists))
        {
            File.Delete(log);
        }

        await using var restarted = new BotApplication(data.Settings());
        var answer = await BotApplication.ReplyTextsAsync(await restarted.PostMessageAsync(restarted.CreateClient(), "sample-zonghe", "T024"));
        Assert.Contains(answer, t => t.Contains("已完成"));
        Assert.False(RestoreJournal.IsPending(data.Ledger));
        Assert.Equal(backedUp.Split("--")[0], data.Snapshot().Split("--")[0]);
    }

    private string Copy(string name, Action<string> damage)
    {
        var copy = Path.Combine(data.Root, name);
        BackupFolders.CopyFolder(BackupFolder, copy);
        damage(copy);
        return copy;
    }
}
