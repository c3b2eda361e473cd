using System.Globalization;
using CampaignBot.Data.Repositories;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Operator;

/// <summary>
/// `understanding report [--days N]`: the messages the bot did not understand (or had to ask
/// about) most often in the last N days (default 30), so that the corpus can grow from how people
/// actually write (docs/understanding.md).
/// </summary>
public static class UnderstandingVerbs
{
    public const string Usage = "  understanding report [--days N]             the messages not understood most often in the last N days (default 30)";

    public const int DefaultDays = 30;

    private const int Listed = 50;

    /// <summary>Reads `understanding report [--days N]`; false when the arguments are malformed.</summary>
    public static bool TryReadDays(string[] args, out int days)
    {
        days = DefaultDays;
        return args.Length switch
        {
            2 => string.Equals(args[1], "report", StringComparison.OrdinalIgnoreCase),
            4 => string.Equals(args[1], "report", StringComparison.OrdinalIgnoreCase) && args[2] == "--days"
                && int.TryParse(args[3], NumberStyles.None, CultureInfo.InvariantCulture, out days) && days is >= 1 and <= 3650,
            _ => false,
        };
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
