using System.CommandLine;
using CampaignBot.Plans;

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
        var command = new Command("import", "import an implementation plan: every row is checked, and nothing is written unless all are good") { file, createMissing };
        command.SetVerbAction(services, async (parsed, output) =>
        {
            var path = parsed.GetRequiredValue(file).FullName;
            if (!await OperatorOutput.FileExistsAsync(output, OperatorTexts.For(services), "import", path))
            {
                return OperatorVerbs.Refused;
            }

            var result = await services.GetRequiredService<PlanImporter>().ImportAsync(path, $"operator:{Environment.UserName}", parsed.GetValue(createMissing));
            if (!result.Succeeded)
            {
                await OperatorOutput.RefusedAsync(output, OperatorTexts.For(services), result.Errors.Select(e => e.ToString()).ToList());
                return OperatorVerbs.Refused;
            }

            var s = result.Summary!;
            await output.WriteLineAsync($"导入完成：新增任务 {s.TasksAdded}，更新任务 {s.TasksUpdated}，新增单位 {s.OfficesAdded}，人员 {s.PeopleWritten}。");
            if (s.OfficesCreated.Count > 0)
            {
                await output.WriteLineAsync($"  新建单位：{string.Join("、", s.OfficesCreated)}");
            }

            if (s.PeopleCreated.Count > 0)
            {
                await output.WriteLineAsync($"  新建人员：{string.Join("、", s.PeopleCreated)}（尚未关联账号：请协调员在聊天中发送「关联 姓名 账号」，或在人员表填写账号后再导入）");
            }

            // A created name one character away from another (综合祖 next to 综合组) is most likely a typo.
            var directory = services.GetRequiredService<Ledger.Repositories.DirectoryRepository>();
            var offices = (await directory.OfficesAsync(CancellationToken.None)).Select(o => o.Name).ToList();
            var people = (await directory.PeopleAsync(CancellationToken.None)).Select(p => p.Name).ToList();
            var alike = s.OfficesCreated.SelectMany(n => NameSuggestions.Closest(n, offices.Where(o => o != n)).Select(c => (n, c)))
                .Concat(s.PeopleCreated.SelectMany(n => NameSuggestions.Closest(n, people.Where(p => p != n)).Select(c => (n, c))))
                .Select(pair => string.CompareOrdinal(pair.n, pair.c) < 0 ? pair : (pair.c, pair.n))
                .Distinct()
                .Select(pair => $"「{pair.Item1}」与「{pair.Item2}」");
            if (alike.ToList() is { Count: > 0 } typos)
            {
                await output.WriteLineAsync($"  请核对相近的名称（可能是笔误）：{string.Join("；", typos)}。如是笔误，改正计划后重新导入，再在聊天中核对。");
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
