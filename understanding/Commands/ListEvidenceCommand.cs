namespace CampaignBot.Understanding.Commands;

/// <summary>佐证 T017: a task's evidence with each file's state.</summary>
public sealed record ListEvidenceCommand(string Code, ReplyLanguage Language) : ChatCommand(Language);
