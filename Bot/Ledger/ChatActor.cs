namespace CampaignBot.Ledger;

/// <summary>Who is speaking and from where: the account, the person it speaks for (if known), the chat.</summary>
public sealed record ChatActor(string AccountId, Person? Person, string ChannelId, string ConversationId);

public enum ChangeOutcome
{
    Changed,
    AlreadyInState,
    NotFound,
    NotPermitted,
    UnknownPerson,
}

public sealed record ChangeResult<T>(ChangeOutcome Outcome, T? Subject)
{
    public static ChangeResult<T> Of(ChangeOutcome outcome, T? subject = default) => new(outcome, subject);
}

/// <summary>Who may change what.</summary>
public static class Permissions
{
    /// <summary>People of the task's lead office or co-offices, and coordinators, may mark it done or reopen it.</summary>
    public static bool CanChange(Person person, LedgerTask task) => person.IsCoordinator || task.InvolvesOffice(person.OfficeId);
}
