namespace CampaignBot.Ledger.Repositories;

/// <summary>For one intent: how many suggestions were offered as buttons, and how many of them were tapped.</summary>
public sealed record SuggestionTapRate(string Intent, int Offered, int Tapped);
