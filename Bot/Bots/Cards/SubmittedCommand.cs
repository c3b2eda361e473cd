using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Bots.Cards;

/// <summary>
/// The command a card's button carried, when the host posted the button's data back as the
/// message's value rather than as its text (an Adaptive Card host that does not know the
/// imBack forms <see cref="CardElements.Submit"/> writes). It is no more than the person could have
/// typed, so it is read as typed.
/// </summary>
public static class SubmittedCommand
{
    public static string? Of(IMessageActivity activity) =>
        !string.IsNullOrWhiteSpace(activity.Text) || activity.Value is not JObject data ? null
        : (data.SelectToken("msteams.value") ?? data.SelectToken("cardAction.value")) is JValue { Type: JTokenType.String } value ? (string?)value
        : null;
}
