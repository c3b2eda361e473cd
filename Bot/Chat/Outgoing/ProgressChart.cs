using CampaignBot.Ledger;
using ScottPlot;
using SkiaSharp;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// The weekly report's picture: each office's lead tasks as one bar, done (green), overdue (red)
/// and in progress (grey), rendered on the server as a PNG. Chinese labels need a CJK font: Noto
/// Sans CJK SC (Debian: fonts-noto-cjk); without it ScottPlot's own fallback draws empty boxes.
/// </summary>
public static class ProgressChart
{
    public const string FontFamily = "Noto Sans CJK SC";

    private static readonly Lazy<bool> FontInstalled = new(() =>
    {
        using var typeface = SKFontManager.Default.MatchFamily(FontFamily);
        return typeface is not null && typeface.FamilyName.Contains("CJK", StringComparison.OrdinalIgnoreCase);
    });

    /// <summary>Whether the CJK font is on this machine (the report still gets its chart without it, with boxes for text).</summary>
    public static bool FontIsInstalled => FontInstalled.Value;

    /// <param name="labels">The chart's words, in the reader's language (Chat/Replies writes them).</param>
    public static byte[] RenderPng(IReadOnlyList<OfficeProgress> offices, ProgressChartLabels labels)
    {
        var plot = new Plot();
        plot.Font.Set(FontFamily);
        // Top to bottom in the given order: ScottPlot counts positions from the bottom.
        var rows = offices.Reverse().ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var office = rows[i];
            var inProgress = office.Total - office.Done - office.Overdue;
            plot.Add.Bars(new[]
            {
                Segment(i, 0, office.Done, Colors.ForestGreen),
                Segment(i, office.Done, office.Overdue, Colors.Crimson),
                Segment(i, office.Done + office.Overdue, inProgress, Colors.LightGray),
            }).Horizontal = true;
            plot.Add.Text($"{office.Done}/{office.Total}" + (office.Overdue > 0 ? "  " + labels.Overdue(office.Overdue) : ""), office.Total + 0.2, i).LabelFontSize = 13;
        }

        plot.Axes.Left.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray(), rows.Select(o => o.OfficeName).ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(0, Math.Max(1, rows.Count == 0 ? 1 : rows.Max(o => o.Total)) * 1.35);
        plot.Axes.Margins(left: 0, bottom: 0.02);
        plot.Title(labels.Title);
        plot.Axes.Bottom.Label.Text = labels.Axis;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.HideGrid();
        return plot.GetImageBytes(900, 120 + 42 * Math.Max(1, rows.Count), ImageFormat.Png);
    }

    private static Bar Segment(int row, double start, double length, Color color) => new()
    {
        Position = row,
        ValueBase = start,
        Value = start + length,
        FillColor = color,
        LineWidth = 0,
        Size = 0.7,
    };
}
