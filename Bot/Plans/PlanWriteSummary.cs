namespace CampaignBot.Plans;

public sealed record PlanWriteSummary(int OfficesAdded, int PeopleWritten, int TasksAdded, int TasksUpdated)
{
    /// <summary>Offices and people created because the plan named them (import --create-missing).</summary>
    public IReadOnlyList<string> OfficesCreated { get; init; } = [];

    public IReadOnlyList<string> PeopleCreated { get; init; } = [];

    // Value equality over the lists' contents too, as a record means.
    public bool Equals(PlanWriteSummary? other) =>
        other is not null && (OfficesAdded, PeopleWritten, TasksAdded, TasksUpdated) == (other.OfficesAdded, other.PeopleWritten, other.TasksAdded, other.TasksUpdated)
        && OfficesCreated.SequenceEqual(other.OfficesCreated) && PeopleCreated.SequenceEqual(other.PeopleCreated);

    public override int GetHashCode() => HashCode.Combine(OfficesAdded, PeopleWritten, TasksAdded, TasksUpdated);
}
