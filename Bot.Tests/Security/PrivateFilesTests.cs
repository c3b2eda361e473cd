using System.Net.Http.Headers;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 12, point 8: the database (robot secrets, transcripts) and uploads were created
/// world-readable. Everything the bot creates is now its own user's only.
/// </summary>
public class PrivateFilesTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    [Needs(Needs.Host)]
    [Fact]
    public async Task TheLedger_SchedulerStore_Secret_SignInKeys_AndUploads_AreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var data = Path.Combine(TestDatabase.NewFolder(), "data");
        using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(data, "campaignbot.db"),
            ["Storage:SchedulerDatabasePath"] = Path.Combine(data, "scheduler.db"),
            ["DirectLine:SecretFile"] = Path.Combine(data, "directline-secret"),
            ["DirectLine:AttachmentsFolder"] = Path.Combine(data, "attachments"),
            ["Reminders:Enabled"] = "true",
        });
        using var http = new HttpClient { BaseAddress = app.StartOnKestrel() };
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        await session.UploadAsync("sample-zonghe", "完成 T024", new ByteArrayContent(TestImages.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "现场.png");

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(data));
        foreach (var file in new[] { "campaignbot.db", "campaignbot.db-wal", "scheduler.db", "directline-secret" })
        {
            Assert.True(OwnerOnlyFile == File.GetUnixFileMode(Path.Combine(data, file)), $"{file}: {File.GetUnixFileMode(Path.Combine(data, file))}");
        }

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.Combine(data, "keys")));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.Combine(data, "attachments")));
        var upload = Assert.Single(Directory.GetFiles(Path.Combine(data, "attachments")));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(upload));
    }

    [Fact]
    public async Task ALedgerLeftWorldReadable_ByAnEarlierVersion_IsTightenedAtStart()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await using var database = await TestDatabase.CreateAsync(seedSample: false);
        File.SetUnixFileMode(database.Path, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await new CampaignBot.Data.SchemaMigrator(database.Database, database.Time, Microsoft.Extensions.Logging.Abstractions.NullLogger<CampaignBot.Data.SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(database.Path));
    }
}
