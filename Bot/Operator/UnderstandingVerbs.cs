using System.CommandLine;
using System.Globalization;
using CampaignBot.Chat.Understanding;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Operator;

/// <summary>
/// `understanding report [--days N]`: the messages the bot did not understand (or had to ask
/// about) most often in the last N days (default 30), so that the corpus can grow from how people
/// actually write (docs/understanding.md).
/// </summary>
public static class UnderstandingVerbs
{
    public const int DefaultDays = 30;

    private const int Listed = 50;

    public static Command Command(IServiceProvider services)
    {
        var days = new Option<int>("--days") { Description = "how many days back to look (1 to 3650)", HelpName = "N", DefaultValueFactory = _ => DefaultDays };
        days.Validators.Add(result =>
        {
            // A value that is not a number is the parser's own error; this only bounds a number.
            if (result.Tokens is [var token] && int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is < 1 or > 3650)
            {
                result.AddError("--days must be from 1 to 3650.");
            }
        });
        var report = new Command("report", "the messages not understood (or asked about) most often, to grow the corpus from") { days };
        report.SetVerbAction(services, (parsed, output) => ReportAsync(services, parsed.GetValue(days), output));
        return new Command("understanding", "how well the bot understands what people write") { report };
    }

    public static async Task<int> ReportAsync(IServiceProvider services, int days, TextWriter output)
    {
        var clock = services.GetRequiredService<CampaignClock>();
        var since = clock.UtcNow.AddDays(-days);
        var misses = await services.GetRequiredService<UnderstandingMissRepository>().MostFrequentAsync(since, Listed, CancellationToken.None);
        if (misses.Count == 0)
        {
            await output.WriteLineAsync($"No messages missed in the last {days} days.");
            return 0;
        }

        await output.WriteLineAsync($"Messages not understood in the last {days} days, most frequent first (asked = the bot offered two readings):");
        await output.WriteLineAsync("count  outcome  last seen         channels  text");
        foreach (var miss in misses)
        {
            var last = TimeZoneInfo.ConvertTime(miss.LastAt, clock.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            await output.WriteLineAsync($"{miss.Count,5}  {miss.Outcome,-7}  {last}  {miss.Channels,-8}  {miss.Text.ReplaceLineEndings(" ")}");
        }

        await output.WriteLineAsync("Add the phrasings worth understanding to Bot.Tests/Chat/Understanding/corpus.txt first, then teach the glossary.");
        return 0;
    }
}
