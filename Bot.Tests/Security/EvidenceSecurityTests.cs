using System.Net;
using System.Net.Http.Headers;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 12, points 3 and 4: a member of another office claimed someone else's upload as evidence of
/// a task of theirs (its url ended in the file's id) and could then download it; evidence urls could be
/// javascript:; a malformed attachment failed the whole turn.
/// </summary>
[Needs(Needs.Host)]
public sealed class EvidenceSecurityTests : KestrelBotTest
{

    /// <summary>張伟 (综合组) completes T024 with a photo; the url of the stored file.</summary>
    private async Task<string> VictimUploadsAsync()
    {
        var zhang = await DirectLineSession.StartAsync(App, Http, "sample-zonghe");
        await zhang.UploadAsync("sample-zonghe", "完成 T024", new ByteArrayContent(TestImages.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "现场.png");
        using var ledger = App.OpenLedger();
        return ledger.ExecuteScalar<string>("SELECT e.url FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = 'T024' AND e.kind = 'attachment'")!;
    }

    private static object DoneWith(string code, object attachment) => new { type = "message", text = "完成 " + code, attachments = new[] { attachment } };

    [Fact]
    public async Task AnotherOfficesMember_ClaimingSomeoneElsesUpload_IsToldNo_AndStillCannotDownloadIt()
    {
        var url = await VictimUploadsAsync();
        var attacker = await DirectLineSession.StartAsync(App, Http, "sample-cailiao");

        await DirectLineSession.ReadAsync(await attacker.PostAsync(DoneWith("T013", new { contentType = "image/png", contentUrl = url, name = "偷来的.png" })));

        Assert.Contains(await attacker.BotTextsAsync(), t => t.Contains("「偷来的.png」不是您在本对话中上传的文件"));
        using (var ledger = App.OpenLedger())
        {
            Assert.Equal(0, ledger.ExecuteScalar<long>("SELECT count(*) FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = 'T013' AND e.kind = 'attachment'"));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", attacker.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task AUrlThatOnlyEndsLikeAStoredFile_OnAnotherHost_GivesNoAccessToIt()
    {
        var url = await VictimUploadsAsync();
        var id = url[(url.LastIndexOf('/') + 1)..];
        var attacker = await DirectLineSession.StartAsync(App, Http, "sample-cailiao");

        await DirectLineSession.ReadAsync(await attacker.PostAsync(DoneWith("T013", new { contentType = "image/png", contentUrl = "https://elsewhere.example/x/attachments/" + id })));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", attacker.Token);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.SendAsync(request)).StatusCode);
    }

    /// <summary>
    /// Issue 23: "/V3/DIRECTLINE/ATTACHMENTS/…" (another case) was accepted as evidence of another
    /// office's task. A link is matched to stored files by the file's id, whatever the url's form.
    /// </summary>
    [Theory]
    [InlineData("upper-case path")]
    [InlineData("all upper case")]
    [InlineData("relative")]
    [InlineData("percent-encoded id")]
    [InlineData("double-encoded slash")]
    [InlineData("query string")]
    [InlineData("id in another host's query")]
    public async Task SomeoneElsesUpload_CitedInAnyFormOfItsUrl_IsNeverTheirEvidence(string form)
    {
        var url = await VictimUploadsAsync();
        var uri = new Uri(url);
        var id = url[(url.LastIndexOf('/') + 1)..];
        var link = form switch
        {
            "upper-case path" => uri.GetLeftPart(UriPartial.Authority) + "/V3/DIRECTLINE/ATTACHMENTS/" + id,
            "all upper case" => url.ToUpperInvariant(),
            "relative" => uri.PathAndQuery,
            "percent-encoded id" => uri.GetLeftPart(UriPartial.Authority) + "/v3/directline/attachments/" + string.Concat(id.Select(c => $"%{(int)c:X2}")),
            "double-encoded slash" => uri.GetLeftPart(UriPartial.Authority) + "/v3/directline/attachments%252F" + id,
            "query string" => url + "?download=1#x",
            _ => "https://elsewhere.example/get?file=" + id,
        };
        var attacker = await DirectLineSession.StartAsync(App, Http, "sample-cailiao");

        await DirectLineSession.ReadAsync(await attacker.PostAsync(DoneWith("T013", new { contentType = "image/png", contentUrl = link, name = "偷来的.png" })));

        Assert.Contains(await attacker.BotTextsAsync(), t => t.Contains("「偷来的.png」不是您在本对话中上传的文件"));
        using var ledger = App.OpenLedger();
        Assert.Equal(0, ledger.ExecuteScalar<long>("SELECT count(*) FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = 'T013' AND e.kind = 'attachment'"));
    }

    [Fact]
    public async Task TheUploadersOwnFile_CitedByARecasedLink_IsRecordedAsThatFile()
    {
        var zhang = await DirectLineSession.StartAsync(App, Http, "sample-zonghe");
        await zhang.UploadAsync("sample-zonghe", "完成 T024", new ByteArrayContent(TestImages.Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "现场.png");
        string id;
        using (var ledger = App.OpenLedger())
        {
            id = ledger.ExecuteScalar<string>("SELECT id FROM directline_attachment")!;
        }

        await DirectLineSession.ReadAsync(await zhang.PostAsync(DoneWith("T013", new { contentType = "image/png", contentUrl = "/V3/DIRECTLINE/ATTACHMENTS/" + id.ToUpperInvariant(), name = "再用一次.png" })));

        using var after = App.OpenLedger();
        Assert.Equal(id, after.ExecuteScalar<string>(
            "SELECT e.attachment_id FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = 'T013' AND e.kind = 'attachment'"));
    }

    [Theory]
    [InlineData("javascript:alert(document.cookie)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    public async Task ALinkThatIsNotHttp_IsNotKept(string link)
    {
        var member = await DirectLineSession.StartAsync(App, Http, "sample-cailiao");

        await DirectLineSession.ReadAsync(await member.PostAsync(DoneWith("T013", new { contentType = "text/uri-list", contentUrl = link, name = "链接" })));

        Assert.Contains(await member.BotTextsAsync(), t => t.Contains("「链接」不是 http/https 链接"));
        using var ledger = App.OpenLedger();
        Assert.Equal(0, ledger.ExecuteScalar<long>("SELECT count(*) FROM evidence WHERE kind = 'attachment' AND url NOT LIKE 'http%'"));
    }

    [Fact]
    public async Task AMalformedAttachment_GetsAClearReply_AndTheRestOfTheMessageStillWorks()
    {
        var member = await DirectLineSession.StartAsync(App, Http, "sample-cailiao");

        await DirectLineSession.ReadAsync(await member.PostAsync(new
        {
            type = "message",
            text = "完成 T013 已装订",
            attachments = new object[]
            {
                new { contentType = "application/vnd.microsoft.teams.file.download.info", name = "台账.pdf", content = new { downloadUrl = new { nested = "object" } } },
                new { contentType = "image/png", contentUrl = "https://files.example/ok.png", name = "ok.png" },
            },
        }));

        var texts = await member.BotTextsAsync();
        Assert.Contains(texts, t => t.StartsWith("已完成：T013", StringComparison.Ordinal) && t.Contains("「台账.pdf」无法读取"));
        Assert.DoesNotContain(texts, t => t.Contains("出错了"));
        using var ledger = App.OpenLedger();
        Assert.Equal("done", ledger.ExecuteScalar<string>("SELECT status FROM task WHERE code = 'T013'"));
        Assert.Equal(["https://files.example/ok.png"], ledger.Query<string>("SELECT e.url FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = 'T013' AND e.kind = 'attachment'"));
    }
}
