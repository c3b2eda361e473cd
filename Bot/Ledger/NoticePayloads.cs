using CampaignBot.Outbox;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Ledger;

/// <summary>Reads the outbox's payload rows back as the ledger's notices.</summary>
public sealed class NoticePayloads : IOutboxPayloadReader
{
    public OutboxContent Read(string payload) => Notice.FromPayload(payload);
}
