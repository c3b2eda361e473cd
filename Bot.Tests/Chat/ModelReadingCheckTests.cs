using CampaignBot.Chat;
using CampaignBot.Chat.ModelReading;
using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Chat;

/// <summary>
/// Issue 27: every intent the model may name becomes a command whose text the rules read back exactly
/// (what a button sends is what was checked), and readings with bad dates, names not in the message
/// or changes the person may not make are dropped.
/// </summary>
public class ModelReadingCheckTests : IAsyncLifetime
{
    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    private async Task<ModelVerdict> CheckAsync(string message, string account, params ModelReadingItem[] readings)
    {
        var names = await services.Get<LedgerNamesCache>().GetAsync(default);
        var person = await services.Get<DirectoryRepository>().FindSpeakerAsync("msteams", account, default);
        var candidates = ModelCandidates.Find(message, names);
        var tasks = new Dictionary<string, LedgerTask>();
        foreach (var code in candidates.AllCodes)
        {
            tasks[code] = (await services.Get<TaskRepository>().FindByCodeAsync(code))!;
        }

        var context = new ModelCheckContext(person, TestClock.Today, ReplyLanguage.Chinese, names, ReplyTexts.For(ReplyLanguage.Chinese).On(TestClock.Today), c => tasks.GetValueOrDefault(c));
        return ModelReadingCheck.Check(new ModelAnswer(readings), candidates, context);
    }

    private static ModelReadingItem R(string intent, string? code = null, string? office = null, string? person = null, string? from = null, string? to = null, string? reason = null) =>
        new(intent, code, office, person, from, to, reason);

    public static TheoryData<string, string, string> EveryIntent => new()
    {
        { "T021 那个", "done", "完成 T021" },
        { "T021 那个", "detail", "详情 T021" },
        { "T021 那个", "extend", "申请延期 T021 到 2026-12-31，理由：等材料" },
        { "T021 给吴芳", "handover", "转办 T021 给 吴芳" },
        { "下礼拜", "due", "2026-06-22至2026-06-28到期" },
        { "材料组", "overdue", "材料组逾期" },
        { "材料组", "office_tasks", "材料组的任务" },
        { "我", "mine", "我的任务" },
        { "整体", "progress", "进度" },
    };

    [Theory]
    [MemberData(nameof(EveryIntent))]
    public async Task EachIntent_BecomesACommandTheRulesReadBack(string message, string intent, string expected)
    {
        var reading = intent switch
        {
            "extend" => R(intent, code: "T021", to: "2026-12-31", reason: "等材料"),
            "handover" => R(intent, code: "T021", person: "吴芳"),
            "due" => R(intent, from: "2026-06-22", to: "2026-06-28"),
            "overdue" or "office_tasks" => R(intent, office: "材料组"),
            _ => R(intent, code: "T021"),
        };

        var verdict = await CheckAsync(message, "sample-xingzheng-lead", reading);

        Assert.Null(verdict.Refused);
        Assert.Equal(expected, ReplyTexts.For(ReplyLanguage.Chinese).CommandText(Assert.Single(verdict.Commands)));
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "a day that does not exist", "invalid date" },
        { "a deadline in the past", "invalid date" },
        { "a name the message did not hold", "unknown office" },
        { "a hand-over by a member", "forbidden" },
        { "an account that speaks for no one", "forbidden" },
        { "three readings", "invalid" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ABadReading_IsRefused(string situation, string why)
    {
        var verdict = situation switch
        {
            "a day that does not exist" => await CheckAsync("T021 那个", "sample-xingzheng-lead", R("extend", code: "T021", to: "2026-02-30")),
            "a deadline in the past" => await CheckAsync("T021 那个", "sample-xingzheng-lead", R("extend", code: "T021", to: "2026-06-01")),
            "a name the message did not hold" => await CheckAsync("T021 那个", "sample-xingzheng-lead", R("overdue", office: "材料组")),
            "a hand-over by a member" => await CheckAsync("T021 给孙丽", "sample-xingzheng", R("handover", code: "T021", person: "孙丽")),
            "an account that speaks for no one" => await CheckAsync("T021 那个", "stranger", R("done", code: "T021")),
            _ => await CheckAsync("T021 那个", "sample-xingzheng-lead", R("detail", code: "T021"), R("done", code: "T021"), R("progress")),
        };

        Assert.Empty(verdict.Commands);
        Assert.Contains(why, verdict.Refused);
    }
}
