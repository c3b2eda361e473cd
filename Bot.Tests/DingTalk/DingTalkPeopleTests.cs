using CampaignBot.Ledger.Repositories;
using CampaignBot.DingTalk;
using CampaignBot.Ledger;
using CampaignBot.Plans;
using CampaignBot.Tests.Support;
using Microsoft.Extensions.Options;
using static CampaignBot.Tests.Plans.PlanFiles;

namespace CampaignBot.Tests.DingTalk;

/// <summary>People in DingTalk are known by the 人员 sheet's 钉钉ID: no 关联 needed, and no other channel can claim one.</summary>
public class DingTalkPeopleTests : IAsyncLifetime
{
    private TestDatabase empty = null!;

    public async Task InitializeAsync() => empty = await TestDatabase.CreateAsync(seedSample: false);

    public async Task DisposeAsync() => await empty.DisposeAsync();

    [Fact]
    public async Task ImportedDingTalkId_IsTheStaffIdsPerson_OnlyInDingTalk()
    {
        var path = Xlsx(empty.Folder,
            [Task("A01", "资料台账整理", "综合组", "2026-08-15")],
            offices: [Office("综合组", "工作组"), Office("领导小组办公室", "领导小组办公室")],
            people: [Person("张三", "综合组", "负责人", "acc-zhang", dingTalk: "zhangsan01")]);
        var imported = await new PlanImporter(empty.Database, new CampaignBot.Ledger.Repositories.AuditRepository(empty.Database), new CampaignBot.Ledger.Repositories.DirectoryRepository(empty.Database), new CampaignBot.Ledger.Repositories.CampaignRepository(empty.Database), empty.Time, Options.Create(new CampaignOptions { Name = "测试活动" }), Options.Create(new ImportLimits()))
            .ImportAsync(path, "tester");
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        var directory = new DirectoryRepository(empty.Database);

        Assert.Equal("张三", (await directory.FindSpeakerAsync(DingTalkChannel.ChannelId, DingTalkAccounts.AccountOf("zhangsan01")))?.Name);
        Assert.Null(await directory.FindSpeakerAsync(DingTalkChannel.ChannelId, DingTalkAccounts.AccountOf("someone-else")));
        // A client of another channel that names itself after a staff id is nobody.
        Assert.Null(await directory.FindSpeakerAsync("directline", DingTalkAccounts.AccountOf("zhangsan01")));
        Assert.Null(await directory.FindSpeakerAsync("msteams", "zhangsan01"));
        Assert.Equal("张三", (await directory.FindSpeakerAsync("msteams", "acc-zhang"))?.Name);
    }
}
