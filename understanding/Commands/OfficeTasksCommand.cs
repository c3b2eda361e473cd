namespace CampaignBot.Understanding.Commands;

/// <param name="OfficeName">The office asked about; null means "my office" (the chat's or the person's).</param>
public sealed record OfficeTasksCommand(string? OfficeName, ReplyLanguage Language) : ChatCommand(Language);
