using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Plans;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Options;
using static CampaignBot.Tests.Plans.PlanFiles;

namespace CampaignBot.Tests.WeCom;

/// <summary>People in WeCom are known by the 人员 sheet's 企业微信ID: no 关联 needed, only in WeCom's turns, and no other channel's account speaks for a WeCom user.</summary>
public class WeComPeopleTests : IAsyncLifetime
{
    private TestDatabase empty = null!;

    public async Task InitializeAsync() => empty = await TestDatabase.CreateAsync(seedSample: false);

    public async Task DisposeAsync() => await empty.DisposeAsync();

    [Fact]
    public async Task ImportedWeComId_IsTheUseridsPerson_OnlyInWeCom()
    {
        var path = Xlsx(empty.Folder,
            [Task("A01", "资料台账整理", "综合组", "2026-08-15")],
            offices: [Office("综合组", "工作组"), Office("领导小组办公室", "领导小组办公室")],
            people: [Person("张三", "综合组", "负责人", "zhangsan", weCom: "ZhangSan"), Person("李四", "综合组", "成员", "", dingTalk: "lisi01")]);
        var imported = await new PlanImporter(empty.Database, new CampaignBot.Ledger.Repositories.AuditRepository(empty.Database), new CampaignBot.Ledger.Repositories.DirectoryRepository(empty.Database), new CampaignBot.Ledger.Repositories.CampaignRepository(empty.Database), empty.Time, Options.Create(new CampaignOptions { Name = "测试活动" }), Options.Create(new ImportLimits()))
            .ImportAsync(path, "tester");
        Assert.True(imported.Succeeded, string.Join("\n", imported.Errors));
        var directory = new DirectoryRepository(empty.Database);
        Assert.Equal("ZhangSan", (await directory.FindPersonByNameAsync("张三"))!.WeComUserId);

        // WeCom's turns name the userid, prefixed or bare, in any case (WeCom's userids are not case-sensitive).
        Assert.Equal("张三", (await directory.FindSpeakerAsync(CampaignBot.WeCom.WeComChannel.ChannelId, WeComAccounts.AccountOf("ZhangSan")))?.Name);
        Assert.Equal("张三", (await directory.FindSpeakerAsync(CampaignBot.WeCom.WeComChannel.ChannelId, "zhangsan"))?.Name);
        Assert.Null(await directory.FindSpeakerAsync(CampaignBot.WeCom.WeComChannel.ChannelId, "someone-else"));
        // A DingTalk id is nobody in WeCom.
        Assert.Null(await directory.FindSpeakerAsync(CampaignBot.WeCom.WeComChannel.ChannelId, "lisi01"));
        // Another channel's client naming itself after the WeCom id is nobody.
        Assert.Null(await directory.FindSpeakerAsync("directline", WeComAccounts.AccountOf("ZhangSan")));
    }

    [Fact]
    public async Task AnotherChannelsLinkOfTheSameSpelling_DoesNotSpeakInWeCom()
    {
        var path = Xlsx(empty.Folder,
            [Task("A01", "资料台账整理", "综合组", "2026-08-15")],
            offices: [Office("综合组", "工作组"), Office("领导小组办公室", "领导小组办公室")],
            people: [Person("张三", "综合组", "负责人", "wangwu"), Person("王五", "综合组", "成员", "", weCom: "wangwu5")]);
        var imported = await new PlanImporter(empty.Database, new CampaignBot.Ledger.Repositories.AuditRepository(empty.Database), new CampaignBot.Ledger.Repositories.DirectoryRepository(empty.Database), new CampaignBot.Ledger.Repositories.CampaignRepository(empty.Database), empty.Time, Options.Create(new CampaignOptions { Name = "测试活动" }), Options.Create(new ImportLimits()))
            .ImportAsync(path, "tester");
        Assert.True(imported.Succeeded);
        // 王五 has no account, but WeCom knows him by his 企业微信ID: nobody needs to link him.
        Assert.DoesNotContain("王五", imported.Summary!.PeopleWithoutAccount);
        var directory = new DirectoryRepository(empty.Database);

        // "wangwu" is 张三's Web Chat account; a WeCom user whose userid is "wangwu" is not 张三.
        Assert.Equal("张三", (await directory.FindSpeakerAsync("directline", "wangwu"))?.Name);
        Assert.Null(await directory.FindSpeakerAsync(CampaignBot.WeCom.WeComChannel.ChannelId, "wangwu"));

        // A link made for the WeCom account (关联) wins over the sheet's id.
        await using (var connection = await empty.OpenAsync())
        {
            await connection.ExecuteAsync(
                "INSERT INTO channel_account (account_id, person_id, channel_id, linked_at) VALUES ('wecom:wangwu', (SELECT id FROM person WHERE name = '张三'), 'wecom', '2026-06-15T01:00:00Z')");
        }

        Assert.Equal("张三", (await directory.FindSpeakerAsync(CampaignBot.WeCom.WeComChannel.ChannelId, "wangwu"))?.Name);
        Assert.Equal("王五", (await directory.FindSpeakerAsync(CampaignBot.WeCom.WeComChannel.ChannelId, "wangwu5"))?.Name);
    }
}
