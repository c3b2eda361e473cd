using CampaignBot.Data.Repositories;

namespace CampaignBot.Chat;

/// <summary>What the command handlers need of an incoming message, free of Bot Framework types.</summary>
public sealed record ChatRequest(
    string Text,
    string AccountId,
    string ChannelId,
    string ConversationId,
    bool IsGroup,
    IReadOnlyList<EvidenceRepository.NewEvidence> Attachments);
