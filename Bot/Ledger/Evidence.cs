namespace CampaignBot.Ledger;

public sealed record Evidence
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string? Name { get; init; }
    public string? Url { get; init; }
    public string? ContentType { get; init; }
    public string? Note { get; init; }
    public string? ByName { get; init; }
    public DateTimeOffset At { get; init; }

    /// <summary>The kept file's state (stored, pending, failed, refused); null for notes and links the bot does not fetch.</summary>
    public string? FileState { get; init; }
    public string? FileProblem { get; init; }
    public long? SizeBytes { get; init; }
}
