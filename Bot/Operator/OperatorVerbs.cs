using CampaignBot.Data;
using CampaignBot.Plans;

namespace CampaignBot.Operator;

/// <summary>
/// What an operator runs on the same program (`dotnet run --project Bot -- VERB …`). Each verb works
/// on the ledger without starting the bot. Exit codes: 0 done, 1 the input was refused, 2 usage.
/// </summary>
public static class OperatorVerbs
{
    public const string Usage = """
        usage:
          import <plan.xlsx|plan.csv>                 import an implementation plan
          export <ledger.xlsx|ledger.csv>             export the ledger
          workdays load <calendar.csv>                load holidays and make-up workdays
          reminders preview [--at <moment>]           show the reminders of the send time at or before a moment
          reminders run [--at <moment>]               send the reminders due by a moment (default: now)
        """ + "\n" + UnderstandingVerbs.Usage + "\n" + """
        a moment is ISO 8601, e.g. 2026-06-01T09:00+08:00 (without an offset: the campaign's time zone)
        """;

    private static readonly string[] Verbs = ["import", "export", "workdays", "reminders", "understanding"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        var verb = string.Join(' ', args.Take(2)).ToLowerInvariant();
        Func<Task<int>>? run = (verb, args.Length) switch
        {
            (var v, 2) when v.StartsWith("import ", StringComparison.Ordinal) => () => PlanVerbs.ImportAsync(services, args[1], output),
            (var v, 2) when v.StartsWith("export ", StringComparison.Ordinal) => () => PlanVerbs.ExportAsync(services, args[1], output),
            ("workdays load", 3) => () => WorkdayVerbs.LoadAsync(services, args[2], output),
            ("reminders preview", _) or ("reminders run", _) when Moment(services, args, out var at) =>
                () => args[1] == "run" ? ReminderVerbs.RunAsync(services, at, output) : ReminderVerbs.PreviewAsync(services, at, output),
            ("understanding report", _) when UnderstandingVerbs.TryReadDays(args, out var days) => () => UnderstandingVerbs.ReportAsync(services, days, output),
            _ => null,
        };
        if (run is null)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        // Verbs work on the ledger without starting the bot: migrate, but do not seed samples into it.
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        await services.GetRequiredService<Robots.ConfiguredRobots>().SyncAsync(CancellationToken.None);
        try
        {
            return await run();
        }
        catch (Exception e) when (e is PlanFileException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await output.WriteLineAsync($"{args[0]} failed: {e.Message}");
            return 1;
        }
    }

    /// <summary>Reads `--at MOMENT` (or now when absent); false when the arguments are malformed.</summary>
    private static bool Moment(IServiceProvider services, string[] args, out DateTimeOffset at)
    {
        var clock = services.GetRequiredService<Scheduling.Time.CampaignClock>();
        at = clock.UtcNow;
        if (args.Length == 2)
        {
            return true;
        }

        if (args.Length != 4 || args[2] != "--at")
        {
            return false;
        }

        if (DateTimeOffset.TryParse(args[3], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed)
            && HasOffset(args[3]))
        {
            at = parsed.ToUniversalTime();
            return true;
        }

        if (DateTime.TryParse(args[3], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
        {
            at = new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
            return true;
        }

        return false;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
}
