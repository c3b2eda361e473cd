namespace CampaignBot.Ledger.Repositories;

/// <summary>A piece of evidence as the binder needs it: what it is, who gave it when, and its kept file if any.</summary>
public sealed record BinderEvidence
{
    public long Id { get; init; }
    public long TaskId { get; init; }
    public string Kind { get; init; } = "";
    public string? Name { get; init; }
    public string? Url { get; init; }
    public string? Note { get; init; }
    public string? ByName { get; init; }
    public DateTimeOffset At { get; init; }
    public string? FileState { get; init; }
    public string? Sha256 { get; init; }
    public string? OriginalName { get; init; }
    public long? SizeBytes { get; init; }
    public string? ContentType { get; init; }
}
