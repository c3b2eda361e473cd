namespace CampaignBot.Understanding.Commands;

/// <summary>What a chat message asks for. <see cref="Language"/> is the language the user wrote in.</summary>
public abstract record ChatCommand(ReplyLanguage Language);
