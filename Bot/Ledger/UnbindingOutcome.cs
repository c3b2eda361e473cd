namespace CampaignBot.Ledger;

/// <summary>What unbinding a chat from its office (解绑) did.</summary>
public abstract record UnbindingOutcome
{
    private UnbindingOutcome()
    {
    }

    public sealed record Unbound : UnbindingOutcome;

    /// <summary>The chat was bound to no office (or is not in the ledger).</summary>
    public sealed record NotBound : UnbindingOutcome;

    /// <summary>Only coordinators unbind chats (<see cref="Permissions.CanAdminister"/>).</summary>
    public sealed record NotPermitted : UnbindingOutcome;
}
