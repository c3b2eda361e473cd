using System.CommandLine;
using System.Globalization;
using CampaignBot.Scheduling.Time;
using CampaignBot.Ledger.Repositories;

namespace CampaignBot.Operator;

/// <summary>
/// `understanding report [--days N]`: the messages the bot did not understand (or had to ask
/// about) most often in the last N days (default 30), for the bot's maintainers, so that the corpus
/// can grow from how people actually write (docs/understanding.md).
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
        var texts = OperatorTexts.For(services);
        var clock = services.GetRequiredService<CampaignClock>();
        var since = clock.UtcNow.AddDays(-days);
        var misses = await services.GetRequiredService<UnderstandingMissRepository>().MostFrequentAsync(since, Listed, CancellationToken.None);
        if (misses.Count == 0)
        {
            await output.WriteLineAsync(texts.NoMisses(days));
            return 0;
        }

        await output.WriteLineAsync(texts.MissesHeader(days));
        await output.WriteLineAsync(texts.MissColumns);
        foreach (var miss in misses)
        {
            var last = TimeZoneInfo.ConvertTime(miss.LastAt, clock.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            var channels = string.Join(",", miss.Channels.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(texts.ChannelName).Distinct());
            await output.WriteLineAsync($"{miss.Count,5}  {texts.MissOutcome(miss.Outcome),-6}  {last}  {channels,-8}  {Security.ControlCharacters.OneLine(miss.Text)}");
        }

        await WriteSuggestionsAsync(services, texts, since, clock.UtcNow, output);

        // The coordinator who runs this cannot change the bot: the list goes to whoever maintains it.
        await output.WriteLineAsync(texts.MissesFooter);
        return 0;
    }

    /// <summary>Issue 27: how often the model's suggestions were tapped, per intent, and the misses where they were refused or ignored.</summary>
    private static async Task WriteSuggestionsAsync(IServiceProvider services, OperatorTexts texts, DateTimeOffset since, DateTimeOffset now, TextWriter output)
    {
        var repository = services.GetRequiredService<UnderstandingMissRepository>();
        var rates = await repository.TapRatesAsync(since, CancellationToken.None);
        var unused = await repository.UnusedSuggestionsAsync(since, now, Listed, CancellationToken.None);
        if (rates.Count > 0)
        {
            await output.WriteLineAsync(texts.TapRatesHeader);
            foreach (var rate in rates)
            {
                await output.WriteLineAsync(texts.TapRate(rate.Intent, rate.Offered, rate.Tapped));
            }
        }

        if (unused.Count > 0)
        {
            await output.WriteLineAsync(texts.UnusedSuggestionsHeader);
            foreach (var line in unused)
            {
                await output.WriteLineAsync(texts.UnusedSuggestion(line.Status, line.Text, line.Suggestion, line.Note));
            }
        }
    }
}
