namespace CampaignBot.Chat.Parsing;

/// <summary>申请延期 T017 到 7月15日 理由…: asks the coordinators to move a deadline.</summary>
public sealed record ExtendCommand(string Code, DateOnly NewDueOn, string? Reason, ReplyLanguage Language) : ChatCommand(Language);
