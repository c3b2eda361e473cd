namespace CampaignBot.Understanding.Commands;

/// <param name="Text">What the user wrote, as normalised: kept as a miss for the corpus.</param>
/// <param name="Suggestions">The two or three closest commands, offered as buttons.</param>
public sealed record UnknownCommand(string Text, IReadOnlyList<ChatCommand> Suggestions, ReplyLanguage Language) : ChatCommand(Language);
