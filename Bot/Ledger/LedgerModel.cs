namespace CampaignBot.Ledger;

// The ledger's entities as the rest of the code sees them. They are init-property records rather
// than positional ones because Dapper maps SQLite's loosely typed columns onto properties by name
// (lead_office_id -> LeadOfficeId, see DapperConventions) but onto constructors only on exact types.

public sealed record Campaign
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }
}

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

public static class Roles
{
    public const string Member = "member";
    public const string Lead = "lead";
    public const string Coordinator = "coordinator";
    public const string Leader = "leader";

    public static readonly IReadOnlyList<string> All = [Member, Lead, Coordinator, Leader];
}

public sealed record Person
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public long OfficeId { get; init; }
    public string OfficeName { get; init; } = "";
    public string Role { get; init; } = Roles.Member;

    /// <summary>How group robots can @ the person (DingTalk by mobile or user id, WeCom by user id).</summary>
    public string? Mobile { get; init; }
    public string? DingTalkUserId { get; init; }
    public string? WeComUserId { get; init; }

    public bool IsCoordinator => Role == Roles.Coordinator;

    /// <summary>Coordinators and leaders look at the whole campaign by default, others at their office.</summary>
    public bool SeesWholeCampaign => Role is Roles.Coordinator or Roles.Leader;
}

public static class TaskStatuses
{
    public const string Open = "open";
    public const string Done = "done";
}

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

public sealed record OfficeProgress
{
    public long OfficeId { get; init; }
    public string OfficeName { get; init; } = "";
    public int Total { get; init; }
    public int Done { get; init; }
    public int Overdue { get; init; }
}

/// <summary>A recurring duty's record so far: of its occurrences due by today, how many were done (中心组学习 9/10).</summary>
public sealed record SeriesProgress
{
    public string Code { get; init; } = "";
    public string Title { get; init; } = "";
    public string Rule { get; init; } = "";
    public int DueSoFar { get; init; }
    public int Done { get; init; }
    public int Total { get; init; }
}

/// <summary>Which tasks a question is about: the whole campaign or one office (as lead or co-office).</summary>
public sealed record TaskScope(long? OfficeId, string? OfficeName)
{
    public static readonly TaskScope Everything = new(null, null);

    public static TaskScope ForOffice(Office office) => new(office.Id, office.Name);

    public bool IsEverything => OfficeId is null;
}
