namespace CampaignBot.Understanding.Commands;

/// <param name="Subscribe">True to receive one's own task reminders in this 1:1 chat, false to stop.</param>
public sealed record SubscribeCommand(bool Subscribe, ReplyLanguage Language) : ChatCommand(Language);
