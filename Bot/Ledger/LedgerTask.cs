namespace CampaignBot.Ledger;

/// <summary>A task of the ledger with the names a reply needs already joined in.</summary>
public sealed record LedgerTask
{
    public long Id { get; init; }
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string EvaluationItem { get; init; } = "";
    public string EvidenceRequired { get; init; } = "";
    public long LeadOfficeId { get; init; }
    public string LeadOfficeName { get; init; } = "";

    /// <summary>Co-office ids, comma-separated, for permission checks.</summary>
    public string CoOfficeIds { get; init; } = "";

    /// <summary>Co-office names joined with 、 for display.</summary>
    public string CoOfficeNames { get; init; } = "";

    public long? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly DueOn { get; init; }
    public string Status { get; init; } = TaskStatuses.Open;
    public DateTimeOffset? DoneAt { get; init; }
    public string? DoneByName { get; init; }
    public int EvidenceCount { get; init; }

    public bool IsDone => Status == TaskStatuses.Done;

    public bool InvolvesOffice(long officeId) =>
        LeadOfficeId == officeId
        || CoOfficeIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Any(id => id == officeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
