using System.Text.Json.Serialization;

namespace CampaignBot.Plans;

/// <summary>
/// Where a plan file and a decision made in chat since the task's plan values were last imported
/// disagree. An import keeps the ledger's side and lists the difference; with --file-wins it applies
/// the file's side and lists it as overridden.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Deadline), "deadline")]
[JsonDerivedType(typeof(Lead), "lead")]
[JsonDerivedType(typeof(EventNotInFile), "event-not-in-file")]
public abstract record PlanDifference(string Code)
{
    /// <summary>The file's 截止日期 against the deadline an approved extension set (or another change made in chat, when none is on record).</summary>
    public sealed record Deadline(string Code, DateOnly InFile, DateOnly InLedger, PlanDecision? Decision) : PlanDifference(Code);

    /// <summary>The file's 牵头单位 and 责任人 against those a hand-over set.</summary>
    public sealed record Lead(string Code, string OfficeInFile, string? OwnerInFile, string OfficeInLedger, string? OwnerInLedger, PlanDecision? Decision)
        : PlanDifference(Code);

    /// <summary>
    /// An event of a recurring duty that the file's 周期 or dates no longer have, held by its completion,
    /// its evidence or a decision. Done or evidenced events stay even when the file wins.
    /// </summary>
    public sealed record EventNotInFile(string Code, IReadOnlyList<PlanDecision> Decisions, int EvidenceCount) : PlanDifference(Code)
    {
        /// <summary>Completed work and its evidence are never removed by an import.</summary>
        [JsonIgnore]
        public bool IsWorkDone => EvidenceCount > 0 || Decisions.Any(d => d is PlanDecision.Completion);
    }
}
