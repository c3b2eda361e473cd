namespace CampaignBot.Chat.Parsing;

/// <summary>A coordinator adds a group robot (DingTalk or WeCom) as a reminder target of an office.</summary>
public sealed record AddRobotCommand(string OfficeName, Ledger.RobotKind Kind, string Url, string? Secret, ReplyLanguage Language) : ChatCommand(Language);
