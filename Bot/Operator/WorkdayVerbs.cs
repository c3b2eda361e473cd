using CampaignBot.Data;
using CampaignBot.Reminders;

namespace CampaignBot.Operator;

/// <summary>`workdays load`: the official holiday arrangement (放假调休安排) into the workday calendar.</summary>
public static class WorkdayVerbs
{
    public static async Task<int> LoadAsync(IServiceProvider services, string path, TextWriter output)
    {
        if (!await OperatorOutput.FileExistsAsync(output, "workdays load", path))
        {
            return 1;
        }

        var read = WorkdayFile.Read(path, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Plans.ImportLimits>>().Value);
        if (read.Errors.Count > 0)
        {
            await OperatorOutput.RefusedAsync(output, read.Errors);
            return 1;
        }

        var database = services.GetRequiredService<LedgerDatabase>();
        await database.WriteAsync((connection, transaction) => WorkdayFile.SaveAsync(connection, transaction, read.Days), CancellationToken.None);
        await output.WriteLineAsync($"工作日历已更新：{read.Days.Count(d => !d.IsWorkday)} 天休息，{read.Days.Count(d => d.IsWorkday)} 天调休上班。");
        return 0;
    }
}
