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
    /// <summary>A 1:1 chat's account (whoever last wrote in it), linked to a person or not yet.</summary>
    public string? AccountId { get; init; }

    /// <summary>The person a 1:1 chat is with, once their account is linked: their personal chat.</summary>
    public long? PersonId { get; init; }

    public string? PersonName { get; init; }

    /// <summary>The chat's name as its channel gives it (a group's title); null where the channel has none (Web Chat).</summary>
    public string? Title { get; init; }

    /// <summary>The office the chat was bound to when the bot was found removed from it.</summary>
    public string? RemovedOfficeName { get; init; }

    public DateTimeOffset LastSeenAt { get; init; }
    public DateTimeOffset? RemovedAt { get; init; }

    /// <summary>The language people last wrote in here ("Chinese", "English"); null until someone has.</summary>
    public string? Language { get; init; }
}
