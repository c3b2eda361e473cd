namespace CampaignBot.Ledger;

public sealed record Office
{
    public const string LeadershipKind = "leadership";

    public long Id { get; init; }
    public string Name { get; init; } = "";

    /// <summary>Other names people use for the office, comma-separated (法工委 for 法制工作委员会).</summary>
    public string Aliases { get; init; } = "";

    public string Kind { get; init; } = "";

    public IEnumerable<string> Names =>
        new[] { Name }.Concat(Aliases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
