using System.Text.Json.Nodes;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace CampaignBot.Tests.Support;

/// <summary>
/// One listed item of a reply's Adaptive Card as a person reads it: its title, its other texts in
/// order (office, deadline, state, lines), and its buttons with the command each sends. Read from
/// the card's JSON, the way a channel gets it.
/// </summary>
public sealed record CardBlock(string Title, IReadOnlyList<string> Texts, IReadOnlyList<(string Title, string Value)> Buttons)
{
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";

    /// <summary>The blocks of every Adaptive Card attached to an activity as sent over the wire.</summary>
    public static IReadOnlyList<CardBlock> Of(JsonNode activity) =>
        (activity["attachments"]?.AsArray() ?? [])
        .Where(a => a!["contentType"]?.GetValue<string>() == AdaptiveCard)
        .SelectMany(a => a!["content"]!["body"]!.AsArray())
        .Select(Block)
        .ToList();

    /// <summary>The same for an activity as the bot hands it to the adapter.</summary>
    public static IReadOnlyList<CardBlock> Of(IActivity activity) => Of(JsonNode.Parse(JsonConvert.SerializeObject(activity))!);

    private static CardBlock Block(JsonNode? container)
    {
        var texts = TextsIn(container!).ToList();
        var buttons = Actions(container!).Select(a => (a["title"]!.GetValue<string>(), a["data"]!["msteams"]!["value"]!.GetValue<string>())).ToList();
        return new CardBlock(texts[0], texts.Skip(1).ToList(), buttons);
    }

    /// <summary>The texts of TextBlocks and TextRuns, depth first, in order.</summary>
    private static IEnumerable<string> TextsIn(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is "TextBlock" or "TextRun" => [o["text"]!.GetValue<string>()],
        JsonObject o => o.Where(p => p.Key is "items" or "columns" or "inlines" or "body").SelectMany(p => p.Value is JsonArray a ? a.SelectMany(n => TextsIn(n!)) : []),
        _ => [],
    };

    private static IEnumerable<JsonNode> Actions(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() == "Action.Submit" => [o],
        JsonObject o => o.Where(p => p.Key is "items" or "columns" or "actions").SelectMany(p => p.Value is JsonArray a ? a.SelectMany(n => Actions(n!)) : []),
        _ => [],
    };
}
