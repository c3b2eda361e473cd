namespace CampaignBot.Understanding.Commands;

/// <summary>A greeting, thanks or acknowledgement (您好, 辛苦了, 收到, thx): a short polite answer with a hint, not a miss.</summary>
public sealed record SmallTalkCommand(SmallTalkKind Kind, ReplyLanguage Language) : ChatCommand(Language);
