namespace CampaignBot.Ledger;

/// <summary>What binding a group chat to an office (绑定) did.</summary>
public abstract record BindingOutcome
{
    private BindingOutcome()
    {
    }

    public sealed record Bound(Office Office) : BindingOutcome;

    public sealed record AlreadyBound(Office Office) : BindingOutcome;

    /// <summary>Only coordinators bind chats (<see cref="Permissions.CanAdminister"/>).</summary>
    public sealed record NotPermitted : BindingOutcome;

    /// <summary>A 1:1 chat is bound to its person, never to an office.</summary>
    public sealed record NotAGroup : BindingOutcome;

    public sealed record UnknownOffice(string Name) : BindingOutcome;

    /// <summary>The chat is not in the ledger (every turn records its chat, so this is a race with its removal).</summary>
    public sealed record ChatNotFound : BindingOutcome;
}
