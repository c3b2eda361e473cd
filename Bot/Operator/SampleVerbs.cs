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
            var texts = OperatorTexts.For(services);
            var removal = await services.GetRequiredService<SampleCampaignRemover>().RemoveAsync($"operator:{Environment.UserName}", CancellationToken.None);
            if (!removal.HadSample)
            {
                await output.WriteLineAsync(texts.NoSample);
                return OperatorVerbs.Done;
            }

            if (!removal.Removed)
            {
                await output.WriteLineAsync(texts.SampleKept);
                foreach (var refusal in removal.Refusals)
                {
                    await output.WriteLineAsync($"  {refusal}");
                }

                return OperatorVerbs.Refused;
            }

            await output.WriteLineAsync(texts.SampleRemoved(removal.Tasks, removal.Offices, removal.People, removal.Chats, removal.Transcripts));
            return OperatorVerbs.Done;
        });
        return new Command("sample", "the sample campaign seeded into an empty ledger") { remove };
    }
}
