namespace CampaignBot.Seeding;

/// <summary>What removing the sample campaign did, or why it would not.</summary>
public sealed record SampleRemoval(bool HadSample, IReadOnlyList<string> Refusals, int Tasks, int Offices, int People, int Chats, int Transcripts)
{
    public bool Removed => HadSample && Refusals.Count == 0;
}
