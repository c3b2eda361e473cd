namespace CampaignBot.Ledger;

/// <summary>What linking a chat account to a person (关联) did.</summary>
public abstract record AccountLinkOutcome
{
    private AccountLinkOutcome()
    {
    }

    public sealed record Linked(Person Person) : AccountLinkOutcome;

    public sealed record AlreadyLinked(Person Person) : AccountLinkOutcome;

    /// <summary>Only coordinators link accounts (<see cref="Permissions.CanAdminister"/>).</summary>
    public sealed record NotPermitted : AccountLinkOutcome;

    /// <summary>No one in the directory by that name.</summary>
    public sealed record PersonNotFound(string Name) : AccountLinkOutcome;
}
