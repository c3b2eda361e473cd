namespace CampaignBot.Understanding.Commands;

/// <summary>
/// A change the rules read but the second reading did not confirm (a question, a denial, a condition,
/// hearsay…): the bot answers <paramref name="Answer"/> (usually the task's details) and offers the
/// change as a button, changing nothing until it is pressed.
/// </summary>
public sealed record OfferCommand(ChatCommand Answer, IReadOnlyList<ChatCommand> Offers, ReplyLanguage Language) : ChatCommand(Language);
