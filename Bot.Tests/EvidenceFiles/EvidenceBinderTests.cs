using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;

namespace CampaignBot.Tests.EvidenceFiles;

/// <summary>
/// Issue 15, points 3–5: the inspectors ask for everything for one evaluation item, in order. Files
/// sent through Web Chat (real uploads over real HTTP) come back out of the binder byte for byte,
/// under their Chinese names; a file added after completion is in it, a withdrawn one is not;
/// `evidence verify` finds a changed file; a backup taken while the bot runs opens and holds it all.
/// </summary>
[Needs(Needs.Host)]
public sealed class EvidenceBinderTests : KestrelBotTest
{
    private static readonly byte[] SecondPhoto = [.. TestImages.Png, 0, 1, 2];

    private async Task<DirectLineSession> CompleteT024WithPhotosAsync()
    {
        var zhang = await DirectLineSession.StartAsync(App, Http, "sample-zonghe");
        await zhang.UploadAsync("sample-zonghe", "完成 T024 宣传资料已发放", new ByteArrayContent(TestImages.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "社区宣传/现场:1.png");
        await zhang.UploadAsync("sample-zonghe", "补充佐证 T024 第二批照片", new ByteArrayContent(SecondPhoto) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "现场:1.png");
        return zhang;
    }

    private static Dictionary<string, byte[]> Unzip(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    [Fact]
    public async Task TheBinder_HoldsEachItemsTasks_WithTheFilesAsSent_AndAnIndex_TasksWithoutEvidenceFirst()
    {
        var zhang = await CompleteT024WithPhotosAsync();
        await zhang.PostTextAsync("补充佐证 T024 居民签到表见纸质台账");
        Assert.Contains(await zhang.BotTextsAsync(), t => t.StartsWith("已为 T024", StringComparison.Ordinal));

        var path = Path.Combine(App.Folder, "binder.zip");
        var (code, output) = await OperatorRun.RunAsync(App.Services, "export", path);

        Assert.True(code == 0, output);
        var entries = Unzip(await File.ReadAllBytesAsync(path));
        var folder = entries.Keys.Single(k => k.EndsWith("/现场_1.png", StringComparison.Ordinal))[..^"/现场_1.png".Length];
        Assert.StartsWith("双城同创/T024 文明知识宣传进社区", folder);
        Assert.Equal(TestImages.Png, entries[$"{folder}/现场_1.png"]);
        Assert.Equal(SecondPhoto, entries[$"{folder}/现场_1 (2).png"]);
        var notes = System.Text.Encoding.UTF8.GetString(entries[$"{folder}/说明与链接.txt"]);
        Assert.Contains("宣传资料已发放", notes);
        Assert.Contains("居民签到表见纸质台账", notes);

        var index = (await MiniExcel.QueryAsync(new MemoryStream(entries["目录.xlsx"]), useHeaderRow: true)).Cast<IDictionary<string, object?>>().ToList();
        var item = index.Where(r => (string?)r["测评项目"] == "双城同创").ToList();
        var firstWithEvidence = item.FindIndex(r => (string?)r["佐证"] != "（无）");
        Assert.True(firstWithEvidence > 0 && item.Skip(firstWithEvidence).All(r => (string?)r["佐证"] != "（无）"), "tasks without evidence come first");
        var photo = item.Single(r => (string?)r["文件位置"] == $"{folder}/现场_1.png");
        Assert.Equal("张伟", photo["提交人"]);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(TestImages.Png)), photo["SHA-256"]);

        // Written with UTF-8 names flagged as such (bit 11), which Windows' and macOS's tools read.
        var raw = await File.ReadAllBytesAsync(path);
        Assert.Equal(0x0800, BitConverter.ToUInt16(raw, 6) & 0x0800);
    }

    [Fact]
    public async Task AWithdrawnPiece_IsNotInTheBinder_ButStaysInTheAudit()
    {
        await CompleteT024WithPhotosAsync();
        long id;
        using (var ledger = App.OpenLedger())
        {
            id = ledger.ExecuteScalar<long>("SELECT e.id FROM evidence e JOIN evidence_file f ON f.id = e.file_id WHERE f.original_name = '现场:1.png' ORDER BY e.id DESC LIMIT 1");
        }

        var stranger = await DirectLineSession.StartAsync(App, Http, "sample-cailiao");
        await stranger.PostTextAsync($"撤回佐证 {id}");
        Assert.Contains(await stranger.BotTextsAsync(), t => t.Contains("只能由提交人或领导小组办公室撤回"));

        var zhang = await DirectLineSession.StartAsync(App, Http, "sample-zonghe");
        await zhang.PostTextAsync($"撤回佐证 {id}");
        Assert.Contains(await zhang.BotTextsAsync(), t => t.StartsWith($"已撤回佐证 #{id}", StringComparison.Ordinal));

        var path = Path.Combine(App.Folder, "binder.zip");
        Assert.Equal(0, (await OperatorRun.RunAsync(App.Services, "export", path, "--item", "双城同创")).Code);
        var entries = Unzip(await File.ReadAllBytesAsync(path));
        Assert.Contains(entries.Keys, k => k.EndsWith("/现场_1.png", StringComparison.Ordinal));
        Assert.DoesNotContain(entries.Keys, k => k.EndsWith("(2).png", StringComparison.Ordinal));
        Assert.All(entries.Keys.Where(k => k != "目录.xlsx"), k => Assert.StartsWith("双城同创/", k));
        using var audit = App.OpenLedger();
        Assert.Equal(1, audit.ExecuteScalar<long>("SELECT count(*) FROM audit WHERE action = 'evidence.withdraw' AND entity_key = @Id", new { Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
    }

    [Fact]
    public async Task TheBoard_ServesTheBinder_ToCoordinatorsOnly()
    {
        await CompleteT024WithPhotosAsync();

        async Task<HttpResponseMessage> AsAsync(string account)
        {
            using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Http.BaseAddress };
            (await client.PostAsJsonAsync("/webchat/sign-in", new { account })).EnsureSuccessStatusCode();
            return await client.GetAsync("/board/evidence.zip?item=" + Uri.EscapeDataString("双城同创"));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await AsAsync("sample-zonghe")).StatusCode);
        var response = await AsAsync("sample-coordinator");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Unzip(await response.Content.ReadAsByteArrayAsync()).Keys, k => k.EndsWith("/现场_1.png", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_FindsAChangedFile_AndABackupTakenWhileRunning_OpensWithEverything()
    {
        await CompleteT024WithPhotosAsync();
        Assert.Equal(0, (await OperatorRun.RunAsync(App.Services, "evidence", "verify")).Code);

        var backup = Path.Combine(App.Folder, "backup");
        var (code, output) = await OperatorRun.RunAsync(App.Services, "backup", backup);
        Assert.True(code == 0, output);
        using (var restored = new SqliteConnection($"Data Source={Path.Combine(backup, "ledger.db")};Mode=ReadOnly;Pooling=False"))
        {
            restored.Open();
            Assert.Equal("done", restored.ExecuteScalar<string>("SELECT status FROM task WHERE code = 'T024'"));
            foreach (var sha in restored.Query<string>("SELECT sha256 FROM evidence_file WHERE state = 'stored'"))
            {
                Assert.True(File.Exists(Path.Combine(backup, "evidence", sha[..2], sha)), sha);
            }
        }

        Assert.Equal(1, (await OperatorRun.RunAsync(App.Services, "backup", backup)).Code); // not into a folder with something in it

        // Restored: a bot started on the backup's files has the task, its evidence and the files.
        await using (var restored = new BotApplication(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(backup, "ledger.db"),
            ["Storage:SchedulerDatabasePath"] = Path.Combine(backup, "scheduler.db"),
            ["Evidence:Folder"] = Path.Combine(backup, "evidence"),
            ["DirectLine:AttachmentsFolder"] = Path.Combine(backup, "attachments"),
        }))
        {
            var answer = await BotApplication.ReplyTextsAsync(await restored.PostMessageAsync(restored.CreateClient(), "sample-zonghe", "佐证 T024"));
            Assert.Contains(answer, t => t.Contains("现场_1.png") || t.Contains("现场:1.png"));
            Assert.Contains(answer, t => t.Contains("已保存"));
            Assert.Equal(0, (await OperatorRun.RunAsync(restored.Services, "evidence", "verify")).Code);
        }

        string stored;
        using (var ledger = App.OpenLedger())
        {
            stored = ledger.ExecuteScalar<string>("SELECT sha256 FROM evidence_file WHERE state = 'stored' LIMIT 1")!;
        }

        var file = Path.Combine(App.Folder, "evidence", stored[..2], stored);
        await File.WriteAllBytesAsync(file, [1, 2, 3]);
        var (verifyCode, verifyOutput) = await OperatorRun.RunAsync(App.Services, "evidence", "verify");
        Assert.Equal(1, verifyCode);
        Assert.Contains("已改变", verifyOutput);
        Assert.Contains(stored, verifyOutput);
    }
}
