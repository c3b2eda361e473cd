namespace CampaignBot.Understanding;

/// <summary>One word of a dictionary found in a message: where it stands and what it stands for.</summary>
public readonly record struct PhraseHit<T>(int Start, int Length, T Value)
{
    public int End => Start + Length;
}
