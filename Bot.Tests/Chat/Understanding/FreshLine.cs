namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>One line of a fresh set: written by someone who had seen neither the corpus nor the code.</summary>
public sealed record FreshLine(int Number, string Ledger, string Kind, bool MustChangeNothing, string Text, IReadOnlyList<string> Expected)
{
    public bool Accepts(string described) => Expected.Contains(described, StringComparer.Ordinal);
}
