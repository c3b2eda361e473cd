using CampaignBot.Backups;
using CampaignBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CampaignBot.Tests.Backups;

/// <summary>
/// Issue 25, point 4: the nightly backup runs on the bot's own Quartz scheduler (persistent store,
/// campaign time zone), each copy in its own dated folder; with `Backup:Keep` 2, a third night
/// deletes the oldest; a night whose copy fails (an evidence file that cannot be read) is logged,
/// leaves no half-written folder and deletes nothing.
/// </summary>
[Needs(Needs.Host)]
public sealed class NightlyBackupTests : IAsyncLifetime
{
    private readonly BackupFolders data = new(TestDatabase.NewFolder());
    private readonly string schedulerName = "tests-" + Guid.NewGuid().ToString("N");
    private readonly FakeTimeProvider time = TestClock.Create();
    private readonly CapturedLogs logs = new();
    private BotApplication app = null!;

    public Task InitializeAsync()
    {
        app = new BotApplication(
            data.Settings(new Dictionary<string, string?>
            {
                ["Reminders:Enabled"] = "true",
                ["Reminders:SchedulerName"] = schedulerName,
                ["Backup:Keep"] = "2",
                ["Backup:TimeOfDay"] = "03:15",
            }),
            time)
        {
            Logs = logs,
        };
        _ = app.Services; // starts the host, and Quartz with it
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        Directory.Delete(data.Root, recursive: true);
    }

    private IScheduler Scheduler => app.Services.GetRequiredKeyedService<IScheduler>(schedulerName);

    /// <summary>Fires the nightly job through Quartz, as its trigger would, and waits for the copy.</summary>
    private async Task<IReadOnlyList<string>> NightAsync(int expectedFolders)
    {
        var nightly = app.Services.GetRequiredService<NightlyBackups>();
        var before = nightly.Existing();
        await Scheduler.TriggerJob(NightlyBackupJob.Key);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        // Done when the new copy is in and the oldest beyond Keep is gone.
        while ((nightly.Existing() is var now && (now.SequenceEqual(before) || now.Count != expectedFolders)) && DateTime.UtcNow < deadline)
        {
            // Quartz waits on the host's clock (this fake one): move it along as real time would.
            await Task.Delay(50);
            time.Advance(TimeSpan.FromMilliseconds(50));
        }


        var after = nightly.Existing();
        Assert.Equal(expectedFolders, after.Count);
        // The next copy a few seconds later on the clock: its own folder (the real nights are a day apart).
        time.Advance(TimeSpan.FromSeconds(2));
        return after;
    }

    [Fact]
    public async Task TheNightlyTrigger_RunsAtTheConfiguredLocalTime_AndKeepsTheNewestCopies()
    {
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await Scheduler.GetTrigger(NightlyBackupJob.TriggerKey));
        Assert.Equal("0 15 3 ? * *", trigger.CronExpressionString);
        Assert.Equal("Asia/Shanghai", trigger.TimeZone.Id);

        var first = await NightAsync(1);
        var second = await NightAsync(2);
        var third = await NightAsync(2);

        // Dated in the campaign's zone (the test clock's 2026-06-15 09:00 in Shanghai), newest first.
        Assert.StartsWith("nightly-2026-06-15_0900", Path.GetFileName(first.Single()), StringComparison.Ordinal);
        Assert.Equal(second[0], third[1]);
        Assert.DoesNotContain(first[0], third);
        foreach (var copy in third)
        {
            Assert.True(File.Exists(Path.Combine(copy, "campaignbot.db")), copy);
            Assert.Equal(BackupFolders.Snapshot(data.Ledger, data.Evidence), BackupFolders.Snapshot(Path.Combine(copy, "campaignbot.db"), Path.Combine(copy, "evidence")));
        }
    }

    [Fact]
    public async Task AFailedNight_IsLogged_AndDeletesNothing()
    {
        var kept = await NightAsync(1);
        kept = await NightAsync(2);

        // An evidence file that cannot be read (a dangling link: the disk it was on is gone).
        Directory.CreateDirectory(Path.Combine(data.Evidence, "ab"));
        File.CreateSymbolicLink(Path.Combine(data.Evidence, "ab", "ab00"), Path.Combine(data.Root, "nowhere"));
        var failed = await app.Services.GetRequiredService<NightlyBackups>().RunAsync(CancellationToken.None);

        Assert.Null(failed);
        Assert.Equal(kept, app.Services.GetRequiredService<NightlyBackups>().Existing());
        Assert.Empty(Directory.EnumerateDirectories(data.Backups, ".partial-*"));
        Assert.Contains(logs.Lines, l => l.Contains("Nightly backup", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal));
    }
}
