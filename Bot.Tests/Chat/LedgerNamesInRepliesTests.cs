using CampaignBot.Ledger.Repositories;
using CampaignBot.Seeding;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CampaignBot.Tests.Chat;

/// <summary>
/// Issue 22, points 7 and 9: a live campaign's replies named 领导小组办公室 and 材料组, offices of the
/// sample that its ledger did not have. Every office a reply names now comes from the ledger: the
/// coordinators' office is the office of kind leadership, the help's examples are the ledger's own
/// offices and people; where the ledger has no such office, the role is named (协调员).
/// </summary>
public sealed class LedgerNamesInRepliesTests : IAsyncLifetime
{
    private static readonly string[] SampleOffices = [.. SampleCampaign.Offices.Select(o => o.Name), "法工委", "人代工委", "创建办"];

    private BotServices services = null!;

    public async Task InitializeAsync()
    {
        services = await BotServices.CreateAsync();
        // Another campaign's offices (创建国家卫生城市): none of the sample's names is left.
        await using var connection = await services.Database.OpenAsync();
        var renamed = SampleCampaign.Offices.Select((o, i) => (o.Name, New: o.Kind == CampaignBot.Ledger.Office.LeadershipKind ? "创卫办" : $"爱卫{i}科")).ToList();
        foreach (var (name, newName) in renamed)
        {
            await connection.ExecuteAsync("UPDATE office SET name = @New, aliases = '' WHERE name = @Name", new { New = newName, Name = name });
        }

        DirectoryRepository.NoteChange();
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    private Task<string> SayAsync(string account, string text, bool isGroup = false) => services.ReplyTextAsync(account, text, isGroup: isGroup);

    public static TheoryData<string, string, bool, string> Replies() => new()
    {
        { "sample-zonghe", "帮助", false, "协调员（创卫办）：待审批" },
        { "sample-zonghe", "help", false, "Coordinators (创卫办): pending requests" },
        { "sample-zonghe", "完成 T024", false, "「补充佐证 T024」" },
        { "sample-zonghe", "本群绑定 爱卫1科", true, "只有创卫办的协调员可以这样做。" },
        { "sample-zonghe", "link 张伟 someone", false, "Only coordinators (创卫办) can do that." },
        { "stranger", "我的任务", false, "请创卫办发送「关联 你的姓名 stranger」" },
        { "stranger", "完成 T024", false, "请创卫办发送「关联 你的姓名 stranger」" },
        { "sample-xingzheng", "完成 T017", false, "请联系爱卫1科或创卫办。" },
        { "sample-zonghe", "本周通报", false, "本周通报只发给领导和创卫办的协调员。" },
        { "sample-zonghe", "待审批", false, "只有创卫办的协调员可以查看和审批延期申请。" },
        { "stranger", "本单位", false, "例如「爱卫1科的任务」" },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public async Task AReply_NamesTheLedgersOffices_NotTheSamples(string account, string text, bool isGroup, string expected)
    {
        var reply = await SayAsync(account, text, isGroup);

        Assert.Contains(expected, reply);
        Assert.All(SampleOffices, office => Assert.DoesNotContain(office, reply));
    }

    [Fact]
    public async Task TheHelp_GivesExamplesWithTheLedgersOfficesAndPeople()
    {
        var help = await SayAsync("sample-zonghe", "帮助");

        Assert.Contains("爱卫2科还有啥超期的？", help);
        Assert.Contains("爱卫1科这周的任务", help);
        Assert.Contains("T017 转给爱卫2科（或 转给赵敏）", help);
    }

    [Fact]
    public async Task WithNoLeadershipOffice_TheRoleIsNamed()
    {
        await using (var connection = await services.Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE office SET kind = 'workgroup' WHERE name = '创卫办'");
        }

        DirectoryRepository.NoteChange();

        Assert.Contains("请协调员发送「关联 你的姓名 stranger」", await SayAsync("stranger", "我的任务"));
        Assert.Equal("只有协调员可以这样做。", await SayAsync("sample-zonghe", "本群绑定 爱卫1科", isGroup: true));
    }

    /// <summary>No sample office is written into the chat's words: what a reply names comes from the ledger.</summary>
    [Fact]
    public void TheChatsStrings_NameNoSampleOffice()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "Bot", "Chat");
        var found = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringTextToken)
                    || t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                .SelectMany(t => SampleOffices.Where(o => t.ValueText.Contains(o, StringComparison.Ordinal)).Select(o => $"{Path.GetRelativePath(RepositoryRoot.Path, file)}: {o}")))
            .ToList();

        Assert.True(found.Count == 0, "Sample offices named in the chat's strings:\n" + string.Join("\n", found));
    }
}
