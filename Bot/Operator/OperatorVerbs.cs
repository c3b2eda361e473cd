using CampaignBot.Data;
using CampaignBot.Plans;

namespace CampaignBot.Operator;

/// <summary>
/// What an operator runs on the same program: `dotnet run --project Bot -- import plan.xlsx`,
/// `-- export ledger.xlsx`. Exit codes: 0 done, 1 the input was refused, 2 usage.
/// </summary>
public static class OperatorVerbs
{
    private static readonly string[] Verbs = ["import", "export"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length != 2)
        {
            await output.WriteLineAsync("usage: import <plan.xlsx|plan.csv> | export <ledger.xlsx|ledger.csv>");
            return 2;
        }

        // Verbs work on the ledger without starting the bot: migrate, but do not seed samples into it.
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        var path = args[1];
        try
        {
            return args[0].ToLowerInvariant() switch
            {
                "import" => await ImportAsync(services.GetRequiredService<PlanImporter>(), path, output),
                _ => await ExportAsync(services.GetRequiredService<LedgerExporter>(), path, output),
            };
        }
        catch (Exception e) when (e is PlanFileException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await output.WriteLineAsync($"{args[0]} failed: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> ImportAsync(PlanImporter importer, string path, TextWriter output)
    {
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"import failed: no file at {Path.GetFullPath(path)}");
            return 1;
        }

        var result = await importer.ImportAsync(path, $"operator:{Environment.UserName}");
        if (!result.Succeeded)
        {
            await output.WriteLineAsync($"导入未执行：{result.Errors.Count} 处错误，台账未做任何修改。");
            foreach (var error in result.Errors)
            {
                await output.WriteLineAsync($"  {error}");
            }

            return 1;
        }

        var s = result.Summary!;
        await output.WriteLineAsync($"导入完成：新增任务 {s.TasksAdded}，更新任务 {s.TasksUpdated}，新增单位 {s.OfficesAdded}，人员 {s.PeopleWritten}。");
        return 0;
    }

    private static async Task<int> ExportAsync(LedgerExporter exporter, string path, TextWriter output)
    {
        var count = await exporter.ExportAsync(path);
        await output.WriteLineAsync($"导出完成：{count} 项任务 → {Path.GetFullPath(path)}");
        return 0;
    }
}
