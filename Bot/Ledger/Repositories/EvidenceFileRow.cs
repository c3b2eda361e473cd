namespace CampaignBot.Ledger.Repositories;

/// <summary>An evidence file as stored: its state and, once kept, its hash.</summary>
public sealed record EvidenceFileRow
{
    public long Id { get; init; }
    public string State { get; init; } = "";
    public string OriginalName { get; init; } = "";
    public string? ClaimedType { get; init; }
    public string? ContentType { get; init; }
    public string? Sha256 { get; init; }
    public long? SizeBytes { get; init; }
    public string SenderAccount { get; init; } = "";
    public DateTimeOffset ReceivedAt { get; init; }
    public string? SourceUrl { get; init; }
    public string? AttachmentId { get; init; }
    public bool NeedsBotCredentials { get; init; }
    public string? ChannelId { get; init; }
    public string? ConversationId { get; init; }
    public string? ServiceUrl { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
}
