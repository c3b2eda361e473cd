namespace CampaignBot.Understanding.Commands;

/// <summary>稍后提醒 T017 明天 / 3天后: the task's reminder again in this chat on that day.</summary>
public sealed record SnoozeCommand(string Code, DateOnly Day, ReplyLanguage Language) : ChatCommand(Language);
