using System.CommandLine;
using CampaignBot.Data;

namespace CampaignBot.Operator;

/// <summary>
/// What an operator runs on the same program (`dotnet run --project Bot -- VERB …`), on
/// System.CommandLine: help for the program and each verb, typed options, parse errors. Each verb
/// family builds its own <see cref="Command"/>; adding a verb is one line in <see cref="Root"/>.
/// Exit codes: 0 done, 1 the input was refused, 2 usage, 3 unavailable (the running bot cannot be
/// reached, or the address to listen on is taken). What a verb prints is in the campaign's language
/// (<see cref="OperatorTexts"/>).
/// </summary>
public static class OperatorVerbs
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Usage = 2;
    public const int Unavailable = 3;

    private static readonly string[] HelpTokens = ["--help", "-h", "-?", "/?", "--version"];

    /// <summary>
    /// Operator verbs and help go to the command line; no arguments, or only host settings
    /// (`--urls …`, `--Storage:DatabasePath …`), start the bot. A word that is no verb is a usage
    /// error rather than a bot started with an ignored argument.
    /// </summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || HelpTokens.Contains(args[0], StringComparer.OrdinalIgnoreCase));

    public static RootCommand Root(IServiceProvider services)
    {
        var root = new RootCommand(
            "CampaignBot: the campaign's chat bot. With no verb it runs the bot (http://localhost:3978); with a verb it works on the ledger and exits. "
            + "From the repository: dotnet run --project Bot -- <verb> …");
        root.Add(PlanVerbs.Import(services));
        root.Add(PlanVerbs.Export(services));
        root.Add(WorkdayVerbs.Command(services));
        root.Add(ReminderVerbs.Command(services));
        root.Add(SampleVerbs.Command(services));
        root.Add(EvidenceVerbs.Command(services));
        root.Add(UnderstandingVerbs.Command(services));
        root.Add(EvidenceVerbs.Backup(services));
        root.Add(RestoreVerbs.Command(services));
        root.Add(ReportVerbs.Command(services));
        return root;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        // People's text in a verb's answer (a miss, a file name) must not drive the operator's terminal.
        output = new TerminalSafeWriter(output);
        var parsed = Root(services).Parse(args);
        if (parsed.Errors.Count > 0 && !parsed.Tokens.Any(t => HelpTokens.Contains(t.Value, StringComparer.OrdinalIgnoreCase)))
        {
            await output.WriteLineAsync($"usage: {Synopsis(parsed.CommandResult.Command)}");
            foreach (var error in parsed.Errors)
            {
                await output.WriteLineAsync($"  {error.Message}");
            }

            await output.WriteLineAsync($"`{Path(parsed.CommandResult.Command)} --help` says more.");
            return Usage;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = output, EnableDefaultExceptionHandler = false });
    }

    /// <summary>
    /// A verb's action: the ledger migrated (verbs do not start the bot, so nothing else migrates
    /// it; samples are not seeded), the shipped holiday calendar loaded, configured robots synced,
    /// and input the verb cannot use (a missing or malformed file) refused with one line and exit code 1.
    /// </summary>
    public static void SetVerbAction(this Command command, IServiceProvider services, Func<ParseResult, TextWriter, Task<int>> run) =>
        command.SetAction(async (parsed, cancellationToken) =>
        {
            var output = parsed.InvocationConfiguration.Output;
            try
            {
                // Inside: a ledger a restore holds (an IOException naming it) is refused in one line too.
                await services.GetRequiredService<SchemaMigrator>().MigrateAsync(cancellationToken);
                await services.GetRequiredService<Reminders.OfficialCalendar>().SyncAsync(cancellationToken);
                await services.GetRequiredService<Robots.ConfiguredRobots>().SyncAsync(cancellationToken);
                return await run(parsed, output);
            }
            catch (Exception e) when (IsRefusedInput(e))
            {
                await output.WriteLineAsync(OperatorTexts.For(services).Failed(Path(command), e.Message));
                return Refused;
            }
        });

    /// <remarks>The plan reader's own exceptions (unsupported, malformed or oversized files) are refused input.</remarks>
    private static bool IsRefusedInput(Exception e) =>
        e is IOException or UnauthorizedAccessException or InvalidDataException
        || e.GetType().Namespace == typeof(Plans.PlanFileException).Namespace;

    private static string Path(Command command) =>
        string.Join(' ', Ancestry(command).Where(c => c is not RootCommand).Select(c => c.Name).Reverse()) is { Length: > 0 } path ? path : command.Name;

    private static IEnumerable<Command> Ancestry(Command command)
    {
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return c;
        }
    }

    private static string Synopsis(Command command)
    {
        var parts = new List<string> { Path(command) };
        parts.AddRange(command.Subcommands.Count > 0 ? [$"<{string.Join('|', command.Subcommands.Select(c => c.Name))}>"] : []);
        parts.AddRange(command.Arguments.Select(a => $"<{a.HelpName ?? a.Name}>"));
        parts.AddRange(command.Options.Where(o => o is not (System.CommandLine.Help.HelpOption or VersionOption)).Select(o => $"[{o.Name}{(o.ValueType == typeof(bool) ? "" : $" <{o.HelpName ?? "value"}>")}]"));
        return string.Join(' ', parts);
    }
}
