using System.CommandLine;
using System.Text;
using CampaignBot.Chat.Outgoing;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Operator;

/// <summary>`report FOLDER`: the weekly report (通报) as it reads now, its text and its chart, as files to forward or print.</summary>
public static class ReportVerbs
{
    public static Command Command(IServiceProvider services)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "where to write the report's text (.txt) and chart (.png); created if missing" };
        var command = new Command("report", "write this week's progress report (通报), as the Monday message has it, from the ledger as it is now") { folder };
        command.SetVerbAction(services, (parsed, output) => WriteAsync(services, parsed.GetRequiredValue(folder).FullName, output));
        return command;
    }

    private static async Task<int> WriteAsync(IServiceProvider services, string folder, TextWriter output)
    {
        var texts = OperatorTexts.For(services);
        var clock = services.GetRequiredService<CampaignClock>();
        var report = await services.GetRequiredService<WeeklyReportWriter>().WriteAsync(
            texts.Replies.On(clock.Today), clock.Today, clock.UtcNow, withChart: true, CancellationToken.None);
        var (text, chart) = (report.Header, report.Picture);

        Directory.CreateDirectory(folder);
        var stem = Path.Combine(folder, texts.ReportFileName(clock.Today));
        await File.WriteAllTextAsync(stem + ".txt", text + Environment.NewLine, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        string? chartPath = null;
        if (chart is not null)
        {
            chartPath = stem + ".png";
            await File.WriteAllBytesAsync(chartPath, chart.Png);
        }

        await output.WriteLineAsync(texts.ReportWritten(stem + ".txt", chartPath));
        return OperatorVerbs.Done;
    }
}
