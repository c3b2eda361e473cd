namespace CampaignBot.Understanding.Commands;

/// <summary>Recognised as a command, but its argument is wrong; <see cref="Detail"/> is the user's own words.</summary>
public sealed record InvalidCommand(InvalidInput Reason, string Detail, ReplyLanguage Language) : ChatCommand(Language);
