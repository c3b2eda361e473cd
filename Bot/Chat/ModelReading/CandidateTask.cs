namespace CampaignBot.Chat.ModelReading;

/// <summary>A task whose title the message quotes in part: its code and title go to the model, nothing else of it.</summary>
public sealed record CandidateTask(string Code, string Title);
