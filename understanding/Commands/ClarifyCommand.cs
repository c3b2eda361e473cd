namespace CampaignBot.Understanding.Commands;

/// <summary>Two or more readings remain (查看 T021 or 标记 T021 完成?): the bot asks, with a button per reading, and changes nothing.</summary>
public sealed record ClarifyCommand(IReadOnlyList<ChatCommand> Readings, ReplyLanguage Language) : ChatCommand(Language);
