namespace CampaignBot.Scheduling.Recurrence;

/// <summary>A traditional festival on the Chinese lunisolar calendar (我们的节日).</summary>
public sealed record LunarFestival(string Name, string EnglishName, int LunarMonth, int LunarDay);
