namespace CampaignBot.Ledger.Repositories;

/// <summary>A miss whose model suggestion was refused by the checks, or offered and not tapped: a line for the corpus.</summary>
public sealed record UnusedSuggestion(string Text, string Status, string? Suggestion, string? Note, DateTimeOffset At);
