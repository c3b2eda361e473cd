using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Outbox;

/// <summary>
/// Reads what a payload row carries back into what the dispatcher composes. The outbox stores a
/// payload as its owner wrote it (JSON) and knows nothing of what it means: its owner, the ledger
/// for its notices, reads it (and throws <see cref="System.Text.Json.JsonException"/> or
/// <see cref="NotSupportedException"/> for one it cannot read, which then fails alone).
/// </summary>
public interface IOutboxPayloadReader
{
    OutboxContent Read(string payload);
}
