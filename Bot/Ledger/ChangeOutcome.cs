namespace CampaignBot.Ledger;

public enum ChangeOutcome
{
    Changed,
    AlreadyInState,
    NotFound,
    NotPermitted,
    UnknownPerson,
}
