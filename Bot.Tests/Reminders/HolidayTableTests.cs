using CampaignBot.Reminders;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Reminders;

/// <summary>
/// December 2026, with the holiday table that ships with the bot (chinese-days 1.5.7, which ends with
/// 2026) and no 2027 loaded: the coordinators' chat is told once a send day, in words, how to load
/// next year's table; not before December, not after it is loaded, and no longer as a console
/// warning printed by every operator verb.
/// </summary>
[Needs(Needs.Host)]
public sealed class HolidayTableTests : IAsyncLifetime
{
    private readonly CapturedLogs logs = new();
    private FakeConnector connector = null!;
    private BotServices services = null!;

    public async Task InitializeAsync()
    {
        connector = await FakeConnector.StartAsync();
        services = await BotServices.CreateAsync(new AnchoredTimeProvider(new DateTimeOffset(2026, 11, 30, 3, 0, 0, TimeSpan.Zero)),
            new Dictionary<string, string?> { ["Reminders:PerChatMessagesPerMinute"] = "0" }, logs);
        await services.Get<OfficialCalendar>().SyncAsync(CancellationToken.None);
        await services.Database.BindChatAsync("leaders", connector.ServiceUrl, office: "领导小组办公室");
        await services.Database.BindChatAsync("zonghe-chat", connector.ServiceUrl, office: "综合组");
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await connector.DisposeAsync();
    }

    private Task<(int Code, string Output)> RunAsync(params string[] args) => OperatorRun.RunAsync(services.Provider, args);

    private List<string> Warnings(string chat) =>
        connector.To(chat).Select(MondayMorningChats.Text).Where(t => t.Contains("节假日安排表", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task FromDecember_TheCoordinatorsAreToldOnceASendDay_HowToLoadNextYearsTable()
    {
        await RunAsync("reminders", "run", "--at", "2026-11-30T09:00+08:00");
        Assert.Empty(Warnings("leaders"));

        await RunAsync("reminders", "run", "--at", "2026-12-01T09:00+08:00");
        await RunAsync("reminders", "run", "--at", "2026-12-01T16:00+08:00");
        var warning = Assert.Single(Warnings("leaders"));
        Assert.StartsWith("【提醒】节假日安排表只到 2026 年：2027 年的放假和调休还没有载入", warning);
        Assert.Contains("workdays load", warning);
        Assert.Contains("日期、类型（休 或 班）、名称", warning);
        Assert.Empty(Warnings("zonghe-chat"));

        await RunAsync("reminders", "run", "--at", "2026-12-02T09:00+08:00");
        Assert.Equal(2, Warnings("leaders").Count);
    }

    [Fact]
    public async Task OnceNextYearsTableIsLoaded_NothingMoreIsSaid()
    {
        await RunAsync("reminders", "run", "--at", "2026-12-01T09:00+08:00");
        var path = Path.Combine(services.Database.Folder, "2027.csv");
        await File.WriteAllTextAsync(path, "日期,类型,名称\n2027-01-01,休,元旦\n");
        Assert.Equal(0, (await RunAsync("workdays", "load", path)).Code);

        await RunAsync("reminders", "run", "--at", "2026-12-02T09:00+08:00");

        Assert.Single(Warnings("leaders"));
    }

    [Fact]
    public async Task OperatorVerbs_NoLongerPrintTheWarning()
    {
        // Before: "The official holiday calendar (…) ends with 2026" on every verb, all year.
        var (code, _) = await RunAsync("reminders", "preview");

        Assert.Equal(0, code);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("ends with", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2026, "2026-11-30", false)]
    [InlineData(2026, "2026-12-01", true)]
    [InlineData(2026, "2027-01-04", true)]
    [InlineData(2027, "2026-12-01", false)]
    [InlineData(null, "2026-12-01", false)]
    public void RunsOut_FromDecemberOfItsLastYear(int? lastYear, string day, bool runsOut) =>
        Assert.Equal(runsOut, HolidayTableWatch.RunsOut(lastYear, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
}
