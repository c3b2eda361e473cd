using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using CampaignBot.Bots.Cards;
using CampaignBot.Chat.Replies;
using CampaignBot.DingTalk;
using CampaignBot.Ledger;
using CampaignBot.Robots;
using CampaignBot.Tests.Support;
using Newtonsoft.Json;

namespace CampaignBot.Tests.Chat.Replies;

/// <summary>
/// One reply, each channel's output, compared with files checked in under golden/: the Bot Framework
/// activity (Adaptive Card), plain text, DingTalk's message (as sent, and its markdown), and the
/// WeCom and DingTalk robots' markdown. A change to any renderer shows as a diff of those files.
/// To rewrite them after a deliberate change, run
///   UPDATE_GOLDEN=1 dotnet test Bot.Tests --filter "FullyQualifiedName~GoldenReplyTests"
/// and read the diff before committing it. Besides the files, what matters is asserted outright.
/// </summary>
public class GoldenReplyTests
{
    public static TheoryData<string> Replies => ["list", "detail", "report"];

    private static ChatReply ReplyNamed(string name) => name switch
    {
        "list" => GoldenReplies.List(),
        "detail" => GoldenReplies.Detail(),
        _ => GoldenReplies.Report(),
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void EachChannelsOutput_IsTheCheckedInOne(string name)
    {
        var reply = ReplyNamed(name);
        var dingTalk = DingTalkRenderer.Render(reply, GoldenReplies.Texts);

        Golden($"{name}.botframework.json", BotFrameworkJson(reply));
        Golden($"{name}.text.txt", ReplyRenderer.PlainText(reply) + "\n");
        Golden($"{name}.dingtalk.json", DingTalkWireFormat.SessionBody(dingTalk).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        Golden($"{name}.dingtalk.md", dingTalk.Text + "\n");
        Golden($"{name}.wecom-robot.md", Robot(RobotKind.WeCom, reply).Markdown + "\n");
        Golden($"{name}.dingtalk-robot.md", Robot(RobotKind.DingTalk, reply).Markdown + "\n");
    }

    [Fact]
    public void TheList_IsOneAdaptiveCard_WhoseTextsAllWrap_TitlesAsPlainRuns_OverdueMarkedForAttention()
    {
        var activity = JsonNode.Parse(BotFrameworkJson(GoldenReplies.List()))!;
        var attachment = Assert.Single(activity["attachments"]!.AsArray())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        var card = attachment["content"]!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal(3, card["body"]!.AsArray().Count);

        var all = Descendants(card).ToList();
        Assert.All(all.Where(n => n["type"]?.GetValue<string>() == "TextBlock"), b => Assert.True(b["wrap"]!.GetValue<bool>()));
        // No text from the ledger is a TextBlock (which hosts read as markdown): the trap is a TextRun.
        Assert.DoesNotContain(all, n => n["type"]?.GetValue<string>() == "TextBlock" && n["text"]!.GetValue<string>().Contains("evil"));
        Assert.Contains(all, n => n["type"]?.GetValue<string>() == "TextRun" && n["text"]!.GetValue<string>() == "T024 " + GoldenReplies.Trap);

        var byId = all.Where(n => n["id"] is not null).ToDictionary(n => n["id"]!.GetValue<string>());
        Assert.Equal("6月12日 周五", byId["due-T017"]["text"]!.GetValue<string>());
        Assert.Equal(("逾期 3 天", "attention"), (byId["state-T017"]["text"]!.GetValue<string>(), byId["state-T017"]["color"]!.GetValue<string>()));
        Assert.Equal("今天到期", byId["state-WS-34-261204"]["text"]!.GetValue<string>());
        Assert.Equal(("2027年1月8日 周五", "已完成"), (byId["due-T024"]["text"]!.GetValue<string>(), byId["state-T024"]["text"]!.GetValue<string>()));

        var blocks = CardBlock.Of(activity);
        Assert.Equal([("完成", "完成 T017"), ("详情", "详情 T017")], blocks[0].Buttons);
        Assert.Equal([("详情", "详情 T024"), ("重开", "重开 T024")], blocks[2].Buttons);
        Assert.Equal(["爱国卫生运动科（配合：基层卫生健康科）", "6月12日 周五", "逾期 3 天"], blocks[0].Texts);
    }

    [Fact]
    public void AButton_SendsItsCommandAsText_InWebChatAndTeams()
    {
        var submit = SubmitAction.Of("完成", "完成 T017");

        // Teams: msteams.imBack; Web Chat 4.x: a Bot Framework card action (else an object would be a postBack without text).
        Assert.Equal("imBack", (string?)submit["data"]!["msteams"]!["type"]);
        Assert.Equal("完成 T017", (string?)submit["data"]!["msteams"]!["value"]);
        Assert.True((bool)submit["data"]!["__isBotFrameworkCardAction"]!);
        Assert.Equal(("imBack", "完成 T017"), ((string?)submit["data"]!["cardAction"]!["type"], (string?)submit["data"]!["cardAction"]!["value"]));
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void EveryMarkdown_ShowsTheTrapAsText_NeverAsALinkOrImage(string name)
    {
        var reply = ReplyNamed(name);
        var dingTalk = DingTalkRenderer.Render(reply, GoldenReplies.Texts);
        var markdowns = new List<string> { Robot(RobotKind.WeCom, reply).Markdown, Robot(RobotKind.DingTalk, reply).Markdown };
        if (dingTalk.Kind == DingTalkContentKind.Text)
        {
            // Words only (the report): DingTalk's text message shows them as they are, markdown unread.
            Assert.Contains(GoldenReplies.Trap, dingTalk.Text);
        }
        else
        {
            markdowns.Add(dingTalk.Text);
        }

        foreach (var markdown in markdowns)
        {
            Assert.Contains(@"\[驳回\]\(https://evil.example\)", markdown);
            Assert.Contains(@"\<font color=red\>假\</font\>", markdown);
            Assert.Contains(@"\!\[图\]\(https://evil.example/p.png\)", markdown);
            Assert.DoesNotContain("](https://evil", markdown.Replace(@"\](", "", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void TheRobotsMarkdown_StaysWithinEachServicesLimit_WithHundredsOfTrapTitles()
    {
        var tasks = Enumerable.Range(1, 300).Select(i => TaskItems.Item(
            new LedgerTask { Code = $"T{i:000}", Title = GoldenReplies.Trap, LeadOfficeName = "综合组", DueOn = GoldenReplies.Today }, GoldenReplies.Texts, GoldenReplies.Today)).ToList();
        var reply = new ChatReply("全部") { Items = tasks };

        Assert.True(Encoding.UTF8.GetByteCount(Robot(RobotKind.WeCom, reply).Markdown) <= 4_096);
        Assert.True(Encoding.UTF8.GetByteCount(Robot(RobotKind.DingTalk, reply).Markdown) <= 20_000);
        Assert.True(Encoding.UTF8.GetByteCount(DingTalkRenderer.Render(reply, GoldenReplies.Texts).Text) <= DingTalkRenderer.MaxBytes);
        Assert.Contains("未列出", Robot(RobotKind.WeCom, reply).Markdown);
    }

    private static RobotDelivery Robot(RobotKind kind, ChatReply reply) =>
        RobotMarkdown.Render(new Robot { Kind = kind, OfficeName = "综合组" }, reply, GoldenReplies.Texts, "完成后发送「完成 编号」", [new PersonMention(1, "张伟", "13800000000", null, "zhangwei")]);

    /// <summary>The activity as the SDK writes it, indented whole (the card is written compact, as raw JSON).</summary>
    private static string BotFrameworkJson(ChatReply reply)
    {
        var json = JsonConvert.SerializeObject(AdaptiveCardRenderer.Instance.Render(reply, "webchat"), new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore });
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
        return Newtonsoft.Json.Linq.JToken.ReadFrom(reader).ToString(Formatting.Indented) + "\n";
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants).Prepend(o),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Descendants),
        _ => [],
    };

    /// <summary>Compares with the checked-in file, or (UPDATE_GOLDEN=1) rewrites it.</summary>
    private static void Golden(string file, string actual, [CallerFilePath] string source = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(source)!, "golden", file);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with UPDATE_GOLDEN=1 to write it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
