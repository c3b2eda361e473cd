using CampaignBot.Ledger.Repositories;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Chat;

/// <summary>What the command handlers need of an incoming message, free of Bot Framework types.</summary>
/// <param name="Conversation">The chat as stored, when the caller has just read it (saves a query per message).</param>
public sealed record ChatRequest(
    string Text,
    string AccountId,
    string ChannelId,
    string ConversationId,
    bool IsGroup,
    IReadOnlyList<EvidenceRepository.NewEvidence> Attachments,
    ConversationRecord? Conversation = null)
{
    /// <summary>Attachments of the message that are not evidence, and why (the reply says so).</summary>
    public IReadOnlyList<RefusedAttachment> RefusedAttachments { get; init; } = [];

    /// <summary>This chat, as a place to send to later (a decision, a snooze).</summary>
    public ChatTarget Target => new(ChannelId, ConversationId);
}
