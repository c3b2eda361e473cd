namespace CampaignBot.Ledger;

/// <summary>What adding a group robot in chat (添加机器人) did.</summary>
public abstract record RobotAdditionOutcome
{
    private RobotAdditionOutcome()
    {
    }

    /// <param name="Id">The robot's row (the same one again when the url was already registered).</param>
    public sealed record Added(long Id, Ledger.Office Office) : RobotAdditionOutcome;

    /// <summary>Only coordinators add robots (<see cref="Ledger.Permissions.CanAdminister"/>).</summary>
    public sealed record NotPermitted : RobotAdditionOutcome;

    public sealed record UnknownOffice(string Name) : RobotAdditionOutcome;

    /// <summary>The webhook is not under an address the policy allows (<see cref="RobotWebhookPolicy"/>).</summary>
    public sealed record UrlNotAllowed(IReadOnlyList<string> AllowedBases) : RobotAdditionOutcome;
}
