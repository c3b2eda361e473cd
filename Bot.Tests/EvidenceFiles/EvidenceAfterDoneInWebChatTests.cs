using System.Net.Http.Headers;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.EvidenceFiles;

/// <summary>
/// Issue 22, point 4, as the coordinator met it: in Web Chat (real Direct Line uploads over real
/// HTTP), 完成 pressed first, then the photo sent with 完成 as the reply advised, then another photo
/// on its own. Both are kept, in the evidence store, as T024's evidence.
/// </summary>
[Needs(Needs.Host)]
public sealed class EvidenceAfterDoneInWebChatTests : KestrelBotTest
{
    private static readonly byte[] SecondPhoto = [.. TestImages.Png, 7, 7, 7];

    private static ByteArrayContent Png(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } };

    [Fact]
    public async Task PhotosSentAfterDoneByButton_WithDoneOrAlone_AreKeptAsItsEvidence()
    {
        var zhang = await DirectLineSession.StartAsync(App, Http, "sample-zonghe");

        await zhang.PostTextAsync("完成 T024"); // the 完成 button sends its command back
        await zhang.UploadAsync("sample-zonghe", "完成 T024", Png(TestImages.Png), "现场.png");
        await zhang.UploadAsync("sample-zonghe", "", Png(SecondPhoto), "签到表.png");

        var texts = await zhang.BotTextsAsync();
        Assert.Contains(texts, t => t.StartsWith("已完成：T024", StringComparison.Ordinal) && t.Contains("补充佐证 T024"));
        Assert.Contains(texts, t => t.Contains("T024 已经完成了（张伟") && t.Contains("这次发来的 1 项已作为佐证补充") && t.Contains("「现场.png」已保存"));
        Assert.Contains(texts, t => t.StartsWith("已为刚完成的 T024", StringComparison.Ordinal) && t.Contains("「签到表.png」已保存"));
        Assert.DoesNotContain(texts, t => t.Contains("无需重复标记"));

        using var ledger = App.OpenLedger();
        Assert.Equal(
            ["stored 现场.png", "stored 签到表.png"],
            ledger.Query<string>(
                "SELECT f.state || ' ' || e.name FROM evidence e JOIN evidence_file f ON f.id = e.file_id JOIN task t ON t.id = e.task_id WHERE t.code = 'T024' ORDER BY e.id"));
    }
}
