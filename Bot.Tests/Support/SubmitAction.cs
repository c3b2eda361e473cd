using System.Text.Json;
using CampaignBot.Bots.Cards;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Tests.Support;

/// <summary>A card button as the bot writes it (<see cref="CardElements.Submit"/>), read back as JSON.</summary>
public static class SubmitAction
{
    public static JObject Of(string title, string command)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            CardElements.Submit(writer, title, command);
        }

        return JObject.Parse(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
