namespace CampaignBot.Understanding.Commands;

/// <summary>The commands that change the ledger, a chat or a person's settings: one list, for every rule that must tell them from questions.</summary>
public static class ChangeCommands
{
    public static bool IsChange(ChatCommand command) => command switch
    {
        SeveralCommand several => several.Commands.Any(IsChange),
        DoneCommand or ReopenCommand or ExtendCommand or ReassignCommand or SnoozeCommand or AddEvidenceCommand or WithdrawEvidenceCommand
            or DecideExtensionCommand or BindOfficeCommand or UnbindCommand or SubscribeCommand or LinkAccountCommand or AddRobotCommand or UndoCommand => true,
        _ => false,
    };
}
