using CampaignBot.Plans;

namespace CampaignBot.Operator;

/// <summary>`import` and `export`: the plan spreadsheet in, the ledger spreadsheet out.</summary>
public static class PlanVerbs
{
    public static async Task<int> ImportAsync(IServiceProvider services, string path, TextWriter output)
    {
        if (!await OperatorOutput.FileExistsAsync(output, "import", path))
        {
            return 1;
        }

        var result = await services.GetRequiredService<PlanImporter>().ImportAsync(path, $"operator:{Environment.UserName}");
        if (!result.Succeeded)
        {
            await OperatorOutput.RefusedAsync(output, result.Errors.Select(e => e.ToString()).ToList());
            return 1;
        }

        var s = result.Summary!;
        await output.WriteLineAsync($"导入完成：新增任务 {s.TasksAdded}，更新任务 {s.TasksUpdated}，新增单位 {s.OfficesAdded}，人员 {s.PeopleWritten}。");
        return 0;
    }

    public static async Task<int> ExportAsync(IServiceProvider services, string path, TextWriter output)
    {
        var count = await services.GetRequiredService<LedgerExporter>().ExportAsync(path);
        await output.WriteLineAsync($"导出完成：{count} 项任务 → {Path.GetFullPath(path)}");
        return 0;
    }
}

public static class OperatorOutput
{
    /// <summary>Says so when a verb's input file is not there.</summary>
    public static async Task<bool> FileExistsAsync(TextWriter output, string verb, string path)
    {
        if (File.Exists(path))
        {
            return true;
        }

        await output.WriteLineAsync($"{verb} failed: no file at {Path.GetFullPath(path)}");
        return false;
    }

    /// <summary>How many of a refused file's problems are listed; a file of a million bad rows once printed 12 million lines.</summary>
    public const int ListedErrors = 50;

    /// <summary>How every verb says it refused a file: how many problems, that nothing changed, then the first ones.</summary>
    public static async Task RefusedAsync(TextWriter output, IReadOnlyList<string> errors)
    {
        await output.WriteLineAsync($"导入未执行：{errors.Count} 处错误，台账未做任何修改。");
        foreach (var error in errors.Take(ListedErrors))
        {
            await output.WriteLineAsync($"  {error}");
        }

        if (errors.Count > ListedErrors)
        {
            await output.WriteLineAsync($"  … 另有 {errors.Count - ListedErrors} 处错误未列出。");
        }
    }
}
