namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>
/// A recurring duty's open occurrences after today, as one line ("每周四 · 下次 12月10日 · 另有 12 次"):
/// a weekly duty would otherwise fill an item's list with a year of Thursdays.
/// </summary>
public sealed record UpcomingSeries(string Code, string Title, string Rule, DateOnly NextDueOn, int Count);
