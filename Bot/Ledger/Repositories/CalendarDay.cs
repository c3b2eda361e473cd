namespace CampaignBot.Ledger.Repositories;

/// <summary>A day of the workday calendar: whether it is worked, and its name (国庆节, 调休上班).</summary>
public sealed record CalendarDay(DateOnly Date, bool IsWorkday, string Name);
