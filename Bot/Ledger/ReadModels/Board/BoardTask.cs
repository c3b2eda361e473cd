namespace CampaignBot.Ledger.ReadModels.Board;

public sealed record BoardTask(string Code, string Title, string Office, string EvaluationItem, DateOnly DueOn, bool Done, int Evidence, int DaysLate);
