namespace CampaignBot.Ledger;

/// <summary>Who may change what.</summary>
public static class Permissions
{
    /// <summary>People of the task's lead office or co-offices, and coordinators, may mark it done or reopen it.</summary>
    public static bool CanChange(Person person, LedgerTask task) => person.IsCoordinator || task.InvolvesOffice(person.OfficeId);
}
