using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.Handlers;

/// <summary>Hand-overs: 转办 a task to another office or person.</summary>
public sealed class HandoverHandler(Handovers handovers)
{
    public async Task<ChatReply> HandOverAsync(ReassignCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var outcome = await handovers.HandOverAsync(turn.Actor, command.Code, command.To, cancellationToken);
        return new ChatReply(outcome switch
        {
            HandoverOutcome.HandedOver h => texts.Reassigned(h.Task),
            HandoverOutcome.TaskNotFound h => texts.TaskNotFound(h.Code),
            HandoverOutcome.UnknownPerson => texts.UnknownPersonCannotChange(turn.Actor.AccountId),
            HandoverOutcome.NotPermitted h => texts.OnlyLeadsReassign(h.Task),
            HandoverOutcome.TargetUnknown h => texts.ReassignTargetUnknown(h.Name),
            HandoverOutcome.Unchanged h => texts.ReassignUnchanged(h.Task),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
        })
        {
            Suggestions = outcome is HandoverOutcome.HandedOver handed ? UndoHandler.ButtonFor(turn, handed.AuditId, command.Code) : [],
        };
    }
}
