namespace CampaignBot.Plans;

/// <summary>
/// What an import did, as it happened: tasks and people new, updated or unchanged; accounts linked
/// from the 账号 column and the plan's people still without one; where the file and a decision made
/// in chat differ (kept, or overridden with --file-wins); events of a duty the file no longer has.
/// </summary>
public sealed record PlanWriteSummary
{
    public int TasksAdded { get; init; }

    public int TasksUpdated { get; init; }

    public int TasksUnchanged { get; init; }

    public IReadOnlyList<string> OfficesCreated { get; init; } = [];

    /// <summary>Offices of the 单位 sheet whose aliases or kind changed.</summary>
    public IReadOnlyList<string> OfficesUpdated { get; init; } = [];

    /// <summary>People the ledger did not have: from the 人员 sheet, or tasks' owners (--create-missing).</summary>
    public IReadOnlyList<string> PeopleCreated { get; init; } = [];

    public IReadOnlyList<PersonUpdate> PeopleUpdated { get; init; } = [];

    public int PeopleUnchanged { get; init; }

    /// <summary>Accounts of the 账号 column that did not speak for that person before this import.</summary>
    public IReadOnlyList<AccountLink> AccountsLinked { get; init; } = [];

    /// <summary>The plan's people who, after the import, have no account, no 钉钉ID and no 企业微信ID to be recognised by.</summary>
    public IReadOnlyList<string> PeopleWithoutAccount { get; init; } = [];

    /// <summary>The file's codes made only of numbers (1.2, 3-1-2): read in chat only where they stand alone (<see cref="NumberLikeCodes"/>).</summary>
    public IReadOnlyList<string> NumberLikeCodes { get; init; } = [];

    /// <summary>Differences where the ledger kept what a decision made in chat set.</summary>
    public IReadOnlyList<PlanDifference> Kept { get; init; } = [];

    /// <summary>Differences where the file won (--file-wins): the decision's value was replaced or its event removed.</summary>
    public IReadOnlyList<PlanDifference> Overridden { get; init; } = [];

    /// <summary>Open events of a duty, with no evidence and no decision, that the file's 周期 or dates no longer have.</summary>
    public IReadOnlyList<string> EventsRemoved { get; init; } = [];

    public sealed record PersonUpdate(string Name, PersonFields Changed);

    /// <param name="FromPerson">The person the account spoke for until this import, if another.</param>
    public sealed record AccountLink(string Person, string Account, string? FromPerson);

    [Flags]
    public enum PersonFields
    {
        None = 0,
        Office = 1,
        Role = 2,
        Accounts = 4,
        Mobile = 8,
        DingTalkId = 16,
        WeComId = 32,
    }
}
