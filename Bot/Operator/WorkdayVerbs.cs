using System.CommandLine;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Plans;

namespace CampaignBot.Operator;

/// <summary>`workdays load`: the official holiday arrangement (放假调休安排) into the workday calendar.</summary>
public static class WorkdayVerbs
{
    public static Command Command(IServiceProvider services)
    {
        var file = new Argument<FileInfo>("calendar") { Description = "CSV with columns 日期, 类型 (休 or 班), 名称" };
        var load = new Command("load", "load holidays and make-up workdays; they override the calendar shipped with the bot") { file };
        load.SetVerbAction(services, async (parsed, output) =>
        {
            var texts = OperatorTexts.For(services);
            var path = parsed.GetRequiredValue(file).FullName;
            if (!await OperatorOutput.FileExistsAsync(output, texts, "workdays load", path))
            {
                return OperatorVerbs.Refused;
            }

            var read = WorkdayFile.Read(path, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ImportLimits>>().Value);
            if (read.Errors.Count > 0)
            {
                await OperatorOutput.RefusedAsync(output, texts, read.Errors);
                return OperatorVerbs.Refused;
            }

            var database = services.GetRequiredService<LedgerDatabase>();
            await database.WriteAsync((connection, transaction) => WorkdayRepository.SaveAsync(connection, transaction, read.Days), CancellationToken.None);
            await output.WriteLineAsync(texts.WorkdaysLoaded(read.Days.Count(d => !d.IsWorkday), read.Days.Count(d => d.IsWorkday)));
            return OperatorVerbs.Done;
        });
        return new Command("workdays", "the workday calendar (holidays and make-up workdays)") { load };
    }
}
