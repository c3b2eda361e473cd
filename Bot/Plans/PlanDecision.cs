using System.Text.Json.Serialization;

namespace CampaignBot.Plans;

/// <summary>
/// A decision made in chat that stands in the ledger where the plan file says otherwise: who made it
/// and when, so that an import's summary can name it. <paramref name="By"/> is the person's name
/// (or the account, when the person is gone).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(Extension), "extension")]
[JsonDerivedType(typeof(Handover), "handover")]
[JsonDerivedType(typeof(Completion), "completion")]
public abstract record PlanDecision(string? By, DateTimeOffset At)
{
    /// <summary>An approved extension request (同意延期 #RequestId): the deadline it set.</summary>
    public sealed record Extension(long RequestId, string? By, DateTimeOffset At) : PlanDecision(By, At);

    /// <summary>A hand-over (转办): the lead office and owner it set.</summary>
    public sealed record Handover(string? By, DateTimeOffset At) : PlanDecision(By, At);

    /// <summary>The task was marked done.</summary>
    public sealed record Completion(string? By, DateTimeOffset At) : PlanDecision(By, At);
}
