namespace CampaignBot.Understanding.Commands;

/// <summary>A coordinator adds a group robot (DingTalk or WeCom) as a reminder target of an office.</summary>
public sealed record AddRobotCommand(string OfficeName, RobotService Kind, string Url, string? Secret, ReplyLanguage Language) : ChatCommand(Language);
