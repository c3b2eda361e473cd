using CampaignBot.Board;
using CampaignBot.Chat.Outgoing;
using CampaignBot.Ledger;
using CampaignBot.Tests.Support;
using SkiaSharp;
using CampaignBot.Ledger.ReadModels.Board;

namespace CampaignBot.Tests.Board;

/// <summary>The weekly report's chart: a real PNG, sized to the offices, with its colours, and a font that has the Chinese glyphs.</summary>
public class ProgressChartTests
{
    private static ProgressChartLabels Labels(string title) => new(title, "牵头任务数（绿：已完成，红：逾期，灰：进行中）", n => $"逾期 {n}");

    private static readonly OfficeProgress[] Offices =
    [
        new() { OfficeId = 1, OfficeName = "领导小组办公室", Total = 6, Done = 2, Overdue = 1 },
        new() { OfficeId = 2, OfficeName = "综合组", Total = 7, Done = 3, Overdue = 0 },
        new() { OfficeId = 3, OfficeName = "人事代表工作委员会", Total = 2, Done = 0, Overdue = 2 },
    ];

    [Fact]
    public void TheChart_IsAValidNonTrivialPng_SizedToTheOffices()
    {
        var png = ProgressChart.RenderPng(Offices, Labels("各单位完成情况（截至6月15日 周一）"));

        var (width, height, colours) = PngCheck.Inspect(png);
        Assert.Equal(900, width);
        Assert.Equal(120 + 42 * Offices.Length, height);
        Assert.True(png.Length > 10_000, $"only {png.Length} bytes");
        Assert.True(colours > 20, $"only {colours} colours: a blank or flat image");
    }

    [Fact]
    public void TheChartsFont_IsInstalled_AndHasTheChineseGlyphs()
    {
        // Without fonts-noto-cjk the labels would be drawn as empty boxes; .ci/run installs it.
        Assert.True(ProgressChart.FontIsInstalled, $"{ProgressChart.FontFamily} is not installed (Debian: apt-get install fonts-noto-cjk)");
        using var typeface = SKFontManager.Default.MatchFamily(ProgressChart.FontFamily);
        Assert.True(typeface.ContainsGlyphs("领导小组办公室综合组各单位完成情况逾期"));
    }

    [Fact]
    public void MoreOffices_MakeATallerChart_AndNoOfficesStillRender()
    {
        var many = Enumerable.Range(1, 12).Select(i => new OfficeProgress { OfficeId = i, OfficeName = $"单位{i}", Total = i, Done = i / 2 }).ToList();

        Assert.Equal(120 + 42 * 12, PngCheck.Inspect(ProgressChart.RenderPng(many, Labels("t"))).Height);
        Assert.Equal(120 + 42, PngCheck.Inspect(ProgressChart.RenderPng([], Labels("t"))).Height);
    }
}
