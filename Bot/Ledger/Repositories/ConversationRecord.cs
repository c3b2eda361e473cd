namespace CampaignBot.Ledger.Repositories;

/// <summary>A chat the bot has been in: what a proactive send needs, and what the chat is bound to.</summary>
public sealed record ConversationRecord
{
    public string ChannelId { get; init; } = "";
    public string ConversationId { get; init; } = "";
    public string? ServiceUrl { get; init; }
    public string? TenantId { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }
    public bool IsGroup { get; init; }
    public long? BoundOfficeId { get; init; }
    public long? BoundPersonId { get; init; }
    public string? BoundPersonName { get; init; }
    public string? BoundOfficeName { get; init; }
    public DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset? RemovedAt { get; init; }

    /// <summary>The language people last wrote in here ("Chinese", "English"); null until someone has.</summary>
    public string? Language { get; init; }
}
