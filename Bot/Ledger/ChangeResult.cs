namespace CampaignBot.Ledger;

public sealed record ChangeResult<T>(ChangeOutcome Outcome, T? Subject)
{
    public static ChangeResult<T> Of(ChangeOutcome outcome, T? subject = default) => new(outcome, subject);
}
