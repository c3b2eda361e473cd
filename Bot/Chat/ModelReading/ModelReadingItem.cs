using System.Text.Json.Serialization;

namespace CampaignBot.Chat.ModelReading;

/// <summary>One reading: an intent and its slots, each null where the intent does not take it.</summary>
public sealed record ModelReadingItem(
    [property: JsonPropertyName("intent")] string? Intent,
    [property: JsonPropertyName("code")] string? Code,
    [property: JsonPropertyName("office")] string? Office,
    [property: JsonPropertyName("person")] string? Person,
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("to")] string? To,
    [property: JsonPropertyName("reason")] string? Reason);
