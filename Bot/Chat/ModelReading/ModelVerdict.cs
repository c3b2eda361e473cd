using CampaignBot.Understanding.Commands;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// The model's reading after the checks: the commands that may be offered (or, for one question,
/// answered), or why none may (<see cref="Refused"/>, for the miss log).
/// </summary>
public sealed record ModelVerdict(IReadOnlyList<ChatCommand> Commands, string? Refused)
{
    public static ModelVerdict Refuse(string why) => new([], why);
}
