using System.Text.Json.Serialization;

namespace CampaignBot.Chat.ModelReading;

/// <summary>What the model answers (<see cref="ModelAnswerSchema"/>): at most two readings of the message.</summary>
public sealed record ModelAnswer([property: JsonPropertyName("readings")] IReadOnlyList<ModelReadingItem>? Readings);
