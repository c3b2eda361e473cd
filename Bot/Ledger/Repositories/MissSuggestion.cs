namespace CampaignBot.Ledger.Repositories;

/// <summary>What the language model made of a miss, as the miss log keeps it (status, intent, the buttons' command texts, why refused).</summary>
public sealed record MissSuggestion(string Status, string? Intent, IReadOnlyList<string> Commands, string? Note);
