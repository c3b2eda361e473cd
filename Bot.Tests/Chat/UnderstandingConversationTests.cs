using CampaignBot.Chat;
using CampaignBot.Chat.Replies;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Chat;

/// <summary>Everyday phrasings through the real router and ledger: what is answered, what is asked, what is kept.</summary>
public class UnderstandingConversationTests : IAsyncLifetime
{
    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    private Task<ChatReply> SayAsync(string text, string account = "sample-xingzheng-lead") =>
        services.Get<ChatCommandRouter>().HandleAsync(new ChatRequest(text, account, "msteams", "conv-" + account, false, [], null), CancellationToken.None);

    private async Task<string> StatusAsync(string code)
    {
        await using var connection = await services.Database.OpenAsync();
        return await connection.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = @code", new { code }) ?? "";
    }

    [Theory]
    [InlineData("T021 完成了吗")]
    [InlineData("T021 做完没有")]
    [InlineData("is T021 done?")]
    [InlineData("T021 还没完成")]
    public async Task AQuestionOrDenialAboutDoneness_ShowsTheTask_AndChangesNothing(string text)
    {
        var reply = await SayAsync(text);

        Assert.Equal("open", await StatusAsync("T021"));
        Assert.Single(reply.Items);
        Assert.Contains("T021", reply.Items[0].Title);
    }

    [Fact]
    public async Task WhatIsDueForMe_ListsOnlyTheAskersOwnTasksInTheWindow()
    {
        var reply = await SayAsync("我下个月有什么要交的", "sample-zonghe");

        await using var connection = await services.Database.OpenAsync();
        var today = services.Get<CampaignBot.Scheduling.Time.CampaignClock>().Today;
        var from = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var expected = (await connection.QueryAsync<string>(
            "SELECT t.code FROM task t JOIN person p ON p.id = t.owner_id WHERE p.name = '张伟' AND t.status = 'open' AND t.due_on BETWEEN @From AND @To ORDER BY t.due_on, t.code",
            new { From = from.ToString("yyyy-MM-dd"), To = from.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd") })).ToList();
        Assert.NotEmpty(expected);
        Assert.Contains("张伟", reply.Header);
        Assert.Equal(expected, reply.Items.Select(i => i.Title.Split(' ')[0]).ToList());
    }

    [Fact]
    public async Task SomeoneElsesTasks_ListTheOpenTasksThatPersonOwns()
    {
        var reply = await SayAsync("孙丽的任务", "sample-coordinator");

        await using var connection = await services.Database.OpenAsync();
        var expected = (await connection.QueryAsync<string>(
            "SELECT t.code FROM task t JOIN person p ON p.id = t.owner_id WHERE p.name = '孙丽' AND t.status = 'open' ORDER BY t.due_on, t.code")).ToList();
        Assert.NotEmpty(expected);
        Assert.Contains("孙丽", reply.Header);
        Assert.Equal(expected.Take(reply.Items.Count), reply.Items.Select(i => i.Title.Split(' ')[0]));
    }

    [Fact]
    public async Task SomeonesOverdueTasks_ListOnlyTheOverdueTasksThatPersonOwns()
    {
        await using var connection = await services.Database.OpenAsync();
        var today = services.Get<CampaignBot.Scheduling.Time.CampaignClock>().Today.ToString("yyyy-MM-dd");
        var owner = await connection.ExecuteScalarAsync<string>(
            "SELECT p.name FROM task t JOIN person p ON p.id = t.owner_id WHERE t.status = 'open' AND t.due_on < @Today ORDER BY p.id LIMIT 1", new { Today = today });
        Assert.NotNull(owner);
        var expected = (await connection.QueryAsync<string>(
            "SELECT t.code FROM task t JOIN person p ON p.id = t.owner_id WHERE p.name = @Owner AND t.status = 'open' AND t.due_on < @Today ORDER BY t.due_on, t.code",
            new { Owner = owner, Today = today })).ToList();

        var reply = await SayAsync(owner + "超期的有哪些", "sample-coordinator");

        Assert.Contains(owner!, reply.Header);
        Assert.Equal(expected, reply.Items.Select(i => i.Title.Split(' ')[0]));
    }

    [Fact]
    public async Task AStatementOfDone_MarksTheTaskDone()
    {
        var reply = await SayAsync("T021 已经办结，水电用量对比已上传");

        Assert.Equal("done", await StatusAsync("T021"));
        Assert.Contains("T021", reply.Header);
    }

    [Fact]
    public async Task TwoReadings_AreOfferedAsButtons_AndNothingChanges()
    {
        var reply = await SayAsync("T021 好了");

        Assert.Equal("open", await StatusAsync("T021"));
        Assert.Equal([new ReplyAction("查看 T021", "详情 T021"), new ReplyAction("标记 T021 完成", "完成 T021")], reply.Suggestions);
        Assert.Contains("查看 T021", reply.Header);
    }

    [Fact]
    public async Task NotUnderstood_OffersTheClosestCommands_WithoutQuotingTheMessage_AndKeepsIt()
    {
        var reply = await SayAsync("今天食堂吃什么");

        Assert.DoesNotContain("食堂", reply.Header);
        Assert.InRange(reply.Suggestions.Count, 2, 3);
        await using var connection = await services.Database.OpenAsync();
        var kept = await connection.QuerySingleAsync<(string Text, string Channel, long? Person)>("SELECT text, channel_id, person_id FROM understanding_miss");
        Assert.Equal(("今天食堂吃什么", "msteams"), (kept.Text, kept.Channel));
        Assert.NotNull(kept.Person);
    }

    [Fact]
    public async Task AnOfficeNamedInsideAQuestion_ScopesTheAnswer()
    {
        var overdue = await SayAsync("材料组还有啥超期的", "sample-coordinator");
        var thisWeek = await SayAsync("行政组这周的任务", "sample-coordinator");

        Assert.Contains("材料组", overdue.Header);
        Assert.Contains("行政组", thisWeek.Header);
        Assert.DoesNotContain("没有找到单位", thisWeek.Header);
    }

    [Fact]
    public async Task AnOfficeAddedByAnImport_IsKnownAtOnce()
    {
        await SayAsync("本周到期");
        await using (var connection = await services.Database.OpenAsync())
        await using (var transaction = connection.BeginTransaction())
        {
            await services.Get<Ledger.Repositories.DirectoryRepository>().InsertOfficeAsync(transaction, "宣传组", "宣传", "workgroup");
            await transaction.CommitAsync();
        }

        var reply = await SayAsync("宣传这周有啥要交的", "sample-coordinator");

        Assert.Contains("宣传组", reply.Header);
    }
}
