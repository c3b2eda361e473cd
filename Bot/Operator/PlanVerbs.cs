using System.CommandLine;
using CampaignBot.Plans;
using CampaignBot.Scheduling.Time;
using Microsoft.Extensions.Options;

namespace CampaignBot.Operator;

/// <summary>`import` and `export`: the plan spreadsheet in, the ledger spreadsheet out.</summary>
public static class PlanVerbs
{
    public static Command Import(IServiceProvider services)
    {
        var file = new Argument<FileInfo>("plan") { Description = "the plan: .xlsx (sheets 任务, 单位, 人员) or .csv (the task sheet)" };
        var createMissing = new Option<bool>("--create-missing")
        {
            Description = "create the offices and people the plan names that the ledger does not know (always so when the ledger has no offices)",
        };
        var fileWins = new Option<bool>("--file-wins")
        {
            Description = "the file's deadlines, lead offices and owners replace those set in chat (approved extensions, hand-overs) since the plan was last imported; "
                + "without it the ledger keeps them and the summary lists each difference",
        };
        var command = new Command("import", "import an implementation plan: every row is checked, and nothing is written unless all are good") { file, createMissing, fileWins };
        command.SetVerbAction(services, async (parsed, output) =>
        {
            var path = parsed.GetRequiredValue(file).FullName;
            if (!await OperatorOutput.FileExistsAsync(output, OperatorTexts.For(services), "import", path))
            {
                return OperatorVerbs.Refused;
            }

            var result = await services.GetRequiredService<PlanImporter>().ImportAsync(
                path, $"operator:{Environment.UserName}", parsed.GetValue(createMissing), parsed.GetValue(fileWins));
            if (!result.Succeeded)
            {
                await OperatorOutput.RefusedAsync(output, OperatorTexts.For(services), result.Errors.Select(e => e.ToString()).ToList());
                return OperatorVerbs.Refused;
            }

            var s = result.Summary!;
            // A created name one character away from another (综合祖 next to 综合组) is most likely a typo.
            var directory = services.GetRequiredService<Ledger.Repositories.DirectoryRepository>();
            var offices = (await directory.OfficesAsync(CancellationToken.None)).Select(o => o.Name).ToList();
            var people = (await directory.PeopleAsync(CancellationToken.None)).Select(p => p.Name).ToList();
            var alike = s.OfficesCreated.SelectMany(n => NameSuggestions.Closest(n, offices.Where(o => o != n)).Select(c => (n, c)))
                .Concat(s.PeopleCreated.SelectMany(n => NameSuggestions.Closest(n, people.Where(p => p != n)).Select(c => (n, c))))
                .Select(pair => string.CompareOrdinal(pair.n, pair.c) < 0 ? pair : (pair.c, pair.n))
                .Distinct()
                .ToList();
            var clock = services.GetRequiredService<CampaignClock>();
            var text = ImportSummaryText.For(services.GetRequiredService<IOptions<CampaignOptions>>().Value.DefaultLanguage);
            foreach (var line in text.Lines(s, clock.Today, clock.Zone, alike))
            {
                await output.WriteLineAsync(line);
            }

            return OperatorVerbs.Done;
        });
        return command;
    }

    public static Command Export(IServiceProvider services)
    {
        var file = new Argument<FileInfo>("ledger") { Description = "where to write: .xlsx (the ledger, with the board's sheets), .csv (the tasks), or .zip (the evidence binder for the inspectors)" };
        var item = new Option<string?>("--item") { Description = "with .zip: only this evaluation item (测评项目)" };
        var command = new Command("export", "export the ledger (it can be edited and imported again), or the evidence binder") { file, item };
        command.SetVerbAction(services, async (parsed, output) =>
        {
            var path = parsed.GetRequiredValue(file).FullName;
            if (string.Equals(Path.GetExtension(path), ".zip", StringComparison.OrdinalIgnoreCase))
            {
                return await EvidenceVerbs.WriteBinderAsync(services, path, parsed.GetValue(item), output);
            }

            var count = await services.GetRequiredService<LedgerExporter>().ExportAsync(path);
            await output.WriteLineAsync(OperatorTexts.For(services).Exported(count, path));
            return OperatorVerbs.Done;
        });
        return command;
    }
}
