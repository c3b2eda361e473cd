namespace CampaignBot.Ledger;

/// <summary>
/// Who may change what: each rule once, used by the decision that changes it (which returns a
/// NotPermitted outcome) and by whatever only offers the change (the model's buttons).
/// </summary>
public static class Permissions
{
    /// <summary>People of the task's lead office or co-offices, and coordinators, may mark it done or reopen it.</summary>
    public static bool CanChange(Person person, LedgerTask task) => person.IsCoordinator || task.InvolvesOffice(person.OfficeId);

    /// <summary>The lead office and coordinators may ask for a later deadline.</summary>
    public static bool CanAskExtension(Person person, LedgerTask task) => person.IsCoordinator || person.OfficeId == task.LeadOfficeId;

    /// <summary>The lead office's lead and coordinators may hand a task over.</summary>
    public static bool CanHandOver(Person person, LedgerTask task) => person.IsCoordinator || (person.Role == Roles.Lead && person.OfficeId == task.LeadOfficeId);

    /// <summary>Who added a piece of evidence, or a coordinator, may withdraw it; who made a change, or a coordinator, may undo it.</summary>
    public static bool CanTakeBack(Person person, long? byPersonId) => byPersonId == person.Id || person.IsCoordinator;

    /// <summary>Coordinators administer: bind chats, link accounts, add robots, decide extensions, see what is pending.</summary>
    public static bool CanAdminister(Person? person) => person is { IsCoordinator: true };

    /// <summary>Leaders and coordinators see the whole campaign (本周通报 on demand).</summary>
    public static bool SeesWholeCampaign(Person? person) => person is { SeesWholeCampaign: true };
}
