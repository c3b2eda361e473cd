using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Chat;

/// <summary>
/// Issue 22, point 4: a Web Chat user pressed 完成 on T024, then did what the reply said and sent
/// 完成 with the photo: "已经完成了…无需重复标记", and the photo was dropped without a word. Now a file
/// sent with 完成 on a done task, or on its own within ten minutes of the sender completing a task in
/// that chat, is that task's evidence, and the advice names 补充佐证, not an office.
/// </summary>
public sealed class EvidenceAfterDoneTests : IAsyncLifetime
{
    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    private FakeTimeProvider Clock => (FakeTimeProvider)services.Database.Time;

    /// <summary>What Web Chat sends: the words (empty for a photo sent alone) and an uploaded picture.</summary>
    private static Activity WithPhoto(string text, string name = "现场.jpg") => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Attachments = [new Attachment { ContentType = "image/jpeg", ContentUrl = "https://files.example/" + Uri.EscapeDataString(name), Name = name }],
    };

    private TestFlow Zhang() => services.Flow("sample-zonghe", channelId: "webchat", conversationId: "webchat-zhang");

    private static Action<IActivity> Says(params string[] parts) => reply =>
    {
        var text = ((IMessageActivity)reply).Text;
        Assert.All(parts, part => Assert.Contains(part, text));
    };

    private async Task<IReadOnlyList<(string Kind, string? Name, string? Note)>> EvidenceAsync(string code)
    {
        await using var connection = await services.Database.OpenAsync();
        return (await connection.QueryAsync<(string, string?, string?)>(
            "SELECT e.kind, e.name, e.note FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = @Code ORDER BY e.id", new { Code = code })).ToList();
    }

    [Fact]
    public async Task APhotoSentWithDone_AfterDoneByButton_IsKeptAsEvidence_AndTheAdviceNamesAddEvidence()
    {
        await Zhang()
            .Send("完成 T024") // what the 完成 button sends
            .AssertReply(reply =>
            {
                var text = ((IMessageActivity)reply).Text;
                Assert.StartsWith("已完成：T024 文明知识宣传进社区。", text);
                Assert.Contains("「补充佐证 T024」", text);
                Assert.DoesNotContain("材料组", text);
            })
            .Send(WithPhoto("完成 T024"))
            .AssertReply(Says("T024 已经完成了（张伟", "这次发来的 1 项已作为佐证补充"))
            .StartTestAsync();

        Assert.Equal([("attachment", "现场.jpg", null)], await EvidenceAsync("T024"));
        Assert.Equal(1, await services.Database.CountAsync("SELECT count(*) FROM audit WHERE action = 'evidence.add' AND entity_key = 'T024'"));
        Assert.Equal(1, await services.Database.CountAsync("SELECT count(*) FROM audit WHERE action = 'task.done' AND entity_key = 'T024'"));
    }

    [Fact]
    public async Task APhotoSentAlone_RightAfterDone_IsThatTasksEvidence_AndANoteThatOnlyPointsAtItIsNotCounted()
    {
        await Zhang()
            .Send("完成 T024")
            .AssertReply(Says("已完成：T024"))
            .Send(WithPhoto(""))
            .AssertReply(Says("已为刚完成的 T024 文明知识宣传进社区 补充佐证 1 项"))
            .Send(WithPhoto("照片见附件。", "第二张.jpg"))
            .AssertReply(Says("已为刚完成的 T024 文明知识宣传进社区 补充佐证 1 项"))
            .StartTestAsync();

        Assert.Equal([("attachment", "现场.jpg", null), ("attachment", "第二张.jpg", null)], await EvidenceAsync("T024"));
    }

    [Fact]
    public async Task APhotoSentAlone_TooLateOrBySomeoneElse_IsNotGuessed_AndTheReplySaysHowToSendIt()
    {
        await Zhang()
            .Send("完成 T024")
            .AssertReply(Says("已完成：T024"))
            .StartTestAsync();
        // Another person in the same chat did not complete anything.
        await services.Flow("sample-zonghe-lead", channelId: "webchat", conversationId: "webchat-zhang")
            .Send(WithPhoto(""))
            .AssertReply(Says("收到 1 个文件，但不知道是哪项任务的佐证", "补充佐证 编号"))
            .StartTestAsync();
        Clock.Advance(TimeSpan.FromMinutes(11));
        await Zhang()
            .Send(WithPhoto(""))
            .AssertReply(Says("收到 1 个文件，但不知道是哪项任务的佐证"))
            .StartTestAsync();

        Assert.Empty(await EvidenceAsync("T024"));
    }

    [Theory]
    [InlineData("完成 T013 照片见附件", 1)]
    [InlineData("完成 T013 附件", 1)]
    [InlineData("done T013, see attached", 1)]
    [InlineData("完成 T013 照片已上传，共32人参加", 2)]
    public async Task ANoteThatOnlyPointsAtTheAttachment_IsNotASeparatePiece(string text, int pieces)
    {
        await Zhang()
            .Send(WithPhoto(text))
            .AssertReply(reply => Assert.Matches($"佐证 {pieces} 项|{pieces} piece", ((IMessageActivity)reply).Text))
            .StartTestAsync();

        var evidence = await EvidenceAsync("T013");
        Assert.Equal(pieces, evidence.Count);
        Assert.Equal(pieces - 1, evidence.Count(e => e.Kind == "note"));
    }

    [Fact]
    public async Task AddEvidence_WithANoteThatOnlyPointsAtTheFile_KeepsTheFileOnly()
    {
        await Zhang()
            .Send(WithPhoto("补充佐证 T024 见附件"))
            .AssertReply(Says("已为 T024 文明知识宣传进社区 补充佐证 1 项"))
            .StartTestAsync();

        Assert.Equal([("attachment", "现场.jpg", null)], await EvidenceAsync("T024"));
    }

    [Fact]
    public async Task APhotoWithOnlyATaskNamed_IsThatTasksEvidence_NotDropped()
    {
        await Zhang()
            .Send(WithPhoto("T024 见附件"))
            .AssertReply(Says("已为 T024 文明知识宣传进社区 补充佐证 1 项"))
            .StartTestAsync();

        Assert.Equal([("attachment", "现场.jpg", null)], await EvidenceAsync("T024"));
    }
}
