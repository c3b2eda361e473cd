using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Bot.Schema;

namespace CampaignBot.Tests.Bots;

/// <summary>Whole conversations through the SDK's TestAdapter against the sample campaign on Monday 15 June 2026.</summary>
public class ConversationTests : IAsyncLifetime
{
    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Theory]
    [InlineData("sample-zonghe", "本周有什么到期？", new[] { "到期（综合组）：2 项", "1. T013", "今天到期", "2. T014", "还有 1 天" })]
    [InlineData("sample-zonghe", "what is due this week?", new[] { "Due Mon 15 Jun – Sun 21 Jun (综合组): 2", "T013", "due today" })]
    [InlineData("sample-zonghe", "逾期", new[] { "综合组没有逾期任务" })]
    [InlineData("sample-coordinator", "逾期", new[] { "逾期任务（全部单位）：3 项", "1. T010", "逾期 10 天", "3. T012", "逾期 3 天" })]
    [InlineData("sample-zonghe", "全部逾期", new[] { "逾期任务（全部单位）：3 项" })]
    [InlineData("sample-zonghe", "我的任务", new[] { "张伟负责的未完成任务：2 项", "T014", "T024" })]
    [InlineData("stranger", "我的任务", new[] { "还不认识你的账号（stranger）" })]
    [InlineData("stranger", "本单位", new[] { "不知道你所在的单位" })]
    [InlineData("sample-zonghe", "法工委任务", new[] { "法制工作委员会的未完成任务：1 项", "T025" })]
    [InlineData("sample-zonghe", "财务组的任务", new[] { "没有找到单位「财务组」", "综合组" })]
    [InlineData("sample-zonghe", "详情 T017", new[] { "T017 “我们的节日·中秋”主题活动", "测评项目：文化建设", "责任人：李明", "截止：6月22日 周一" })]
    [InlineData("sample-zonghe", "T999", new[] { "没有编号为 T999 的任务" })]
    [InlineData("sample-leader", "进度", new[] { "完成 10/37，逾期 3 项", "综合组：2/7" })]
    [InlineData("sample-zonghe", "本州到期", new[] { "6月15日至6月21日 到期（综合组）" })] // a typo beside 到期 is still a due question
    [InlineData("sample-zonghe", "2月30日到期", new[] { "日期「2月30日」不存在" })]
    [InlineData("sample-zonghe", "6/20", new[] { "6月20日 周六（综合组）没有到期的任务" })]
    [InlineData("sample-zonghe", "我是谁", new[] { "sample-zonghe，张伟，综合组，成员" })]
    public async Task Message_Question_AnswersWithExactList(string account, string text, string[] expected)
    {
        await services.Flow(account)
            .Send(text)
            .AssertReply(reply =>
            {
                var body = ((IMessageActivity)reply).Text;
                foreach (var part in expected)
                {
                    Assert.Contains(part, body);
                }
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Done_WithNoteAndPhoto_MarksDoneKeepsEvidenceAndAudits()
    {
        var message = MessageFactoryText("完成 T014 已组织志愿者12人");
        message.Attachments =
        [
            new Attachment { ContentType = "image/jpeg", ContentUrl = "https://files.example/volunteers.jpg", Name = "volunteers.jpg" },
            new Attachment { ContentType = "text/html", Content = "<p>完成 T014 已组织志愿者12人</p>" },
        ];

        await services.Flow("sample-zonghe")
            .Send(message)
            .AssertReply(r => Assert.Contains("已完成：T014 学雷锋志愿服务活动，记录佐证 2 项", ((IMessageActivity)r).Text))
            .Send("完成 T014")
            .AssertReply(r => Assert.Contains("T014 已经完成了（张伟", ((IMessageActivity)r).Text))
            .StartTestAsync();

        await using var connection = await services.Database.OpenAsync();
        Assert.Equal("done", await connection.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T014'"));
        var evidence = (await connection.QueryAsync<(string Kind, string? Url, string? Note)>(
            "SELECT e.kind, e.url, e.note FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = 'T014' ORDER BY e.id")).ToList();
        Assert.Equal([("note", null, "已组织志愿者12人"), ("attachment", "https://files.example/volunteers.jpg", null)], evidence);
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM audit WHERE action = 'task.done' AND entity_key = 'T014'"));
    }

    [Fact]
    public async Task Done_ByCoOfficeMemberAndByCoordinator_IsAllowed()
    {
        await services.Flow("sample-zonghe")
            .Send("完成 T013")
            .AssertReply(r => Assert.StartsWith("已完成：T013", ((IMessageActivity)r).Text))
            .StartTestAsync();
        await services.Flow("sample-coordinator")
            .Send("done T016")
            .AssertReply(r => Assert.StartsWith("Done: T016", ((IMessageActivity)r).Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("sample-xingzheng", "完成 T017", "你不在 T017 的牵头或配合单位")]
    [InlineData("stranger", "完成 T017", "你的账号（stranger）还没有关联人员")]
    [InlineData("sample-xingzheng", "重开 T001", "你不在 T001 的牵头或配合单位")]
    public async Task Change_ByWhoMayNot_IsRefusedAndChangesNothing(string account, string text, string refusal)
    {
        await using var before = await services.Database.OpenAsync();
        var statusBefore = await before.QueryAsync<string>("SELECT code || status FROM task ORDER BY code");
        var evidenceBefore = await before.ExecuteScalarAsync<int>("SELECT count(*) FROM evidence");

        await services.Flow(account)
            .Send(text)
            .AssertReply(r => Assert.Contains(refusal, ((IMessageActivity)r).Text))
            .StartTestAsync();

        await using var after = await services.Database.OpenAsync();
        Assert.Equal(statusBefore, await after.QueryAsync<string>("SELECT code || status FROM task ORDER BY code"));
        Assert.Equal(0, await after.ExecuteScalarAsync<int>("SELECT count(*) FROM audit WHERE action LIKE 'task.%'"));
        Assert.Equal(evidenceBefore, await after.ExecuteScalarAsync<int>("SELECT count(*) FROM evidence"));
    }

    [Fact]
    public async Task Reopen_DoneTask_OpensItAgain()
    {
        await services.Flow("sample-dangwei")
            .Send("重开 T001 资料不全")
            .AssertReply(r => Assert.Contains("已重开：T001", ((IMessageActivity)r).Text))
            .Send("重开 T001")
            .AssertReply(r => Assert.Contains("T001 本来就是未完成状态", ((IMessageActivity)r).Text))
            .StartTestAsync();

        await using var connection = await services.Database.OpenAsync();
        Assert.Equal("open", await connection.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T001'"));
        Assert.Contains("资料不全", await connection.ExecuteScalarAsync<string>("SELECT after_json FROM audit WHERE action = 'task.reopen'"));
    }

    [Fact]
    public async Task Bind_ByCoordinatorInGroup_ScopesTheGroupsQuestions()
    {
        await services.Flow("sample-coordinator", conversationId: "group-1", isGroup: true)
            .Send("本周到期")
            .AssertReply(r => Assert.Contains("（全部单位）", ((IMessageActivity)r).Text))
            .Send("本群绑定 综合组")
            .AssertReply(r => Assert.Contains("本群已绑定到综合组", ((IMessageActivity)r).Text))
            .Send("本周到期")
            .AssertReply(r => Assert.Contains("到期（综合组）：2 项", ((IMessageActivity)r).Text))
            .Send("本单位")
            .AssertReply(r => Assert.Contains("综合组的未完成任务", ((IMessageActivity)r).Text))
            .StartTestAsync();

        await using var connection = await services.Database.OpenAsync();
        Assert.Equal("综合组", await connection.ExecuteScalarAsync<string>(
            "SELECT o.name FROM conversation c JOIN office o ON o.id = c.bound_office_id WHERE c.conversation_id = 'group-1'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM audit WHERE action = 'conversation.bind'"));
    }

    [Theory]
    [InlineData("sample-zonghe-lead", "group-2", true, "只有领导小组办公室的协调员可以这样做")]
    [InlineData("sample-coordinator", "personal-1", false, "只有群聊可以绑定单位")]
    public async Task Bind_NotAllowed_IsRefused(string account, string conversation, bool isGroup, string refusal)
    {
        await services.Flow(account, conversationId: conversation, isGroup: isGroup)
            .Send("本群绑定 综合组")
            .AssertReply(r => Assert.Contains(refusal, ((IMessageActivity)r).Text))
            .StartTestAsync();

        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM conversation WHERE bound_office_id IS NOT NULL"));
    }

    [Fact]
    public async Task Link_ByCoordinator_LetsTheAccountSpeakForThePerson()
    {
        await services.Flow("sample-coordinator")
            .Send("关联 张伟 29:new-teams-id")
            .AssertReply(r => Assert.Contains("已将账号 29:new-teams-id 关联到张伟（综合组）", ((IMessageActivity)r).Text))
            .StartTestAsync();
        await services.Flow("29:new-teams-id")
            .Send("我的任务")
            .AssertReply(r => Assert.Contains("张伟负责的未完成任务", ((IMessageActivity)r).Text))
            .StartTestAsync();
        await services.Flow("sample-zonghe")
            .Send("关联 张伟 someone-else")
            .AssertReply(r => Assert.Contains("只有领导小组办公室的协调员", ((IMessageActivity)r).Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Subscribe_InPersonalChat_BindsItToThePerson()
    {
        await services.Flow("sample-zonghe", conversationId: "dm-zhang")
            .Send("订阅我的提醒")
            .AssertReply(r => Assert.StartsWith("已订阅：张伟负责的任务到期时", ((IMessageActivity)r).Text))
            .Send("订阅我的提醒")
            .AssertReply(r => Assert.Contains("已经订阅了张伟", ((IMessageActivity)r).Text))
            .StartTestAsync();
        await using (var connection = await services.Database.OpenAsync())
        {
            Assert.Equal("张伟", await connection.ExecuteScalarAsync<string>(
                "SELECT p.name FROM conversation c JOIN person p ON p.id = c.bound_person_id WHERE c.conversation_id = 'dm-zhang'"));
        }

        await services.Flow("sample-zonghe", conversationId: "dm-zhang")
            .Send("unsubscribe")
            .AssertReply(r => Assert.StartsWith("Unsubscribed", ((IMessageActivity)r).Text))
            .StartTestAsync();
        await using var after = await services.Database.OpenAsync();
        Assert.Null(await after.ExecuteScalarAsync<long?>("SELECT bound_person_id FROM conversation WHERE conversation_id = 'dm-zhang'"));
    }

    [Theory]
    [InlineData("sample-zonghe", true, "个人提醒只能在与我的单聊中订阅")]
    [InlineData("stranger", false, "还不认识你的账号（stranger）")]
    public async Task Subscribe_NotAllowed_IsRefused(string account, bool isGroup, string refusal)
    {
        await services.Flow(account, conversationId: "sub-" + account, isGroup: isGroup)
            .Send("订阅我的提醒")
            .AssertReply(r => Assert.Contains(refusal, ((IMessageActivity)r).Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task AddRobot_ByCoordinator_StoresItAndEchoesOnlyMaskedCredentials()
    {
        const string url = "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdefghij";
        const string secret = "SEC0123456789abcdefghijklmnop";

        await services.Flow("sample-coordinator")
            .Send($"添加机器人 法工委 钉钉 {url} {secret}")
            .AssertReply(r =>
            {
                var text = ((IMessageActivity)r).Text;
                Assert.Contains("已为法制工作委员会添加钉钉机器人 #1：https://oapi.dingtalk.com/robot/send?access_token=012…ghij，加签密钥 SEC…mnop", text);
                Assert.DoesNotContain("0123456789abcdefghij", text);
            })
            .Send("机器人")
            .AssertReply(r => Assert.Contains("#1 法制工作委员会 · 钉钉 · https://oapi.dingtalk.com/robot/send?access_token=012…ghij · 已加签", ((IMessageActivity)r).Text))
            .StartTestAsync();

        await using var connection = await services.Database.OpenAsync();
        Assert.Equal((url, secret, "chat"), await connection.QuerySingleAsync<(string, string, string)>("SELECT url, secret, source FROM robot"));
        var audit = await connection.ExecuteScalarAsync<string>("SELECT after_json FROM audit WHERE action = 'robot.add'");
        Assert.DoesNotContain("0123456789abcdefghij", audit);
        Assert.DoesNotContain(secret, audit);
    }

    [Fact]
    public async Task AddRobot_ByMember_IsRefused()
    {
        await services.Flow("sample-zonghe")
            .Send("添加机器人 综合组 企业微信 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc")
            .AssertReply(r => Assert.Contains("只有领导小组办公室的协调员", ((IMessageActivity)r).Text))
            .StartTestAsync();

        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM robot"));
    }

    /// <summary>
    /// Who may is decided first, in the decision: someone refused is not told which offices exist,
    /// nor that the chat or the address is wrong.
    /// </summary>
    [Fact]
    public async Task AdministrationByMember_IsRefusedBeforeAnythingElseIsChecked()
    {
        await services.Flow("sample-zonghe")
            .Send("添加机器人 不存在的单位 钉钉 https://evil.example/robot/send?access_token=abc")
            .AssertReply(r =>
            {
                Assert.Contains("只有领导小组办公室的协调员", ((IMessageActivity)r).Text);
                Assert.DoesNotContain("综合组", ((IMessageActivity)r).Text);
            })
            .Send("绑定 不存在的单位")
            .AssertReply(r =>
            {
                Assert.Contains("只有领导小组办公室的协调员", ((IMessageActivity)r).Text);
                Assert.DoesNotContain("综合组", ((IMessageActivity)r).Text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task TeamsMention_IsIgnored_AndCardsCarryDoneAndDetailButtons()
    {
        var message = MessageFactoryText("<at>CampaignBot</at> 本周到期");
        message.Entities = [new Mention { Mentioned = new ChannelAccount("campaignbot", "CampaignBot"), Text = "<at>CampaignBot</at>" }];

        await services.Flow("sample-zonghe", channelId: "msteams")
            .Send(message)
            .AssertReply(r =>
            {
                var reply = (IMessageActivity)r;
                Assert.Contains("到期（综合组）：2 项", reply.Text);
                // One Adaptive Card lists both tasks, each with its own buttons.
                Assert.Equal(CardBlock.AdaptiveCard, Assert.Single(reply.Attachments).ContentType);
                var cards = CardBlock.Of(reply);
                Assert.Equal(["T013 测评资料收集整理与台账装订（第一批）", "T014 学雷锋志愿服务活动"], cards.Select(c => c.Title));
                Assert.Equal([("完成", "完成 T013"), ("详情", "详情 T013")], cards[0].Buttons);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task BotAddedToChat_SaysHello()
    {
        var adapter = BotServices.Adapter("sample-zonghe");
        var update = adapter.MakeActivity();
        update.Type = ActivityTypes.ConversationUpdate;
        update.MembersAdded = [new ChannelAccount("campaignbot", "CampaignBot")];

        await new Microsoft.Bot.Builder.Adapters.TestFlow(adapter, services.Bot)
            .Send(update)
            .AssertReply(r => Assert.Contains("创建工作台账助手", ((IMessageActivity)r).Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task MentionEntityWithoutMentioned_IsHarmless()
    {
        var message = MessageFactoryText("本周到期");
        message.Entities = [new Entity("mention") { Properties = new Newtonsoft.Json.Linq.JObject { ["text"] = "@bot", ["mentioned"] = "not-an-object" } }];

        await services.Flow("sample-zonghe")
            .Send(message)
            .AssertReply(r => Assert.Contains("到期（综合组）：2 项", ((IMessageActivity)r).Text))
            .StartTestAsync();
    }

    private static Activity MessageFactoryText(string text) => (Activity)Microsoft.Bot.Builder.MessageFactory.Text(text);
}
