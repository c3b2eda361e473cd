using CampaignBot.Understanding.Commands;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// What asking the model came to: <see cref="ModelSuggestionStatus"/>, the checked commands, the
/// intent of the first, and for the miss log why nothing could be offered.
/// </summary>
public sealed record ModelSuggestion(ModelSuggestionStatus Status, IReadOnlyList<ChatCommand> Commands, string? Intent, string? Note)
{
    public static readonly ModelSuggestion Off = new(ModelSuggestionStatus.Off, [], null, null);

    public static ModelSuggestion Failed(string note) => new(ModelSuggestionStatus.Failed, [], null, note);
}
