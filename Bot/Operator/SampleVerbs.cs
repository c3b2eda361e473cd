using System.CommandLine;
using CampaignBot.Seeding;

namespace CampaignBot.Operator;

/// <summary>`sample remove`: from the sample campaign to the real plan, keeping the database file.</summary>
public static class SampleVerbs
{
    public static Command Command(IServiceProvider services)
    {
        var remove = new Command("remove", "remove the sample campaign (its tasks, offices, people, their chats and Web Chat transcripts), keeping the database file; refused when real data is mixed in");
        remove.SetVerbAction(services, async (parsed, output) =>
        {
            var removal = await services.GetRequiredService<SampleCampaignRemover>().RemoveAsync($"operator:{Environment.UserName}", CancellationToken.None);
            if (!removal.HadSample)
            {
                await output.WriteLineAsync("示例活动不在台账中，无需移除。");
                return OperatorVerbs.Done;
            }

            if (!removal.Removed)
            {
                await output.WriteLineAsync($"未移除示例活动：台账中有不属于示例的数据，台账未做任何修改。");
                foreach (var refusal in removal.Refusals)
                {
                    await output.WriteLineAsync($"  {refusal}");
                }

                return OperatorVerbs.Refused;
            }

            await output.WriteLineAsync(
                $"已移除示例活动：任务 {removal.Tasks}，单位 {removal.Offices}，人员 {removal.People}，会话 {removal.Chats}，网页聊天记录 {removal.Transcripts}。" +
                "数据库文件、工作日历和审计记录保留；下一步：import <实施方案>。");
            return OperatorVerbs.Done;
        });
        return new Command("sample", "the sample campaign seeded into an empty ledger") { remove };
    }
}
