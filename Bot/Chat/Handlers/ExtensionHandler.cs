using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.Handlers;

/// <summary>Deadline extensions: 申请延期, the coordinators' 待审批 list and their 同意 / 驳回延期.</summary>
public sealed class ExtensionHandler(ExtensionRequests requests)
{
    public async Task<ChatReply> ExtendAsync(ExtendCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var outcome = await requests.RequestAsync(turn.Actor, command.Code, command.NewDueOn, command.Reason, turn.Request.Target, cancellationToken, command.ByDays);
        var undo = outcome is ExtensionRequestOutcome.Requested requested ? UndoHandler.ButtonFor(turn, requested.AuditId, command.Code) : [];
        return Sent(outcome switch
        {
            ExtensionRequestOutcome.Requested r => texts.ExtensionRequested(r.Task, r.NewDue, r.RequestId, r.CoordinatorsTold, r.AskedFor),
            ExtensionRequestOutcome.TaskNotFound r => texts.TaskNotFound(r.Code),
            ExtensionRequestOutcome.UnknownPerson => texts.UnknownPersonCannotChange(turn.Actor.AccountId),
            ExtensionRequestOutcome.NotPermitted r => texts.ExtensionNotPermitted(r.Task),
            ExtensionRequestOutcome.AlreadyDone r => texts.TaskAlreadyDone(r.Task),
            ExtensionRequestOutcome.NotLater r => texts.ExtensionNotLater(r.Task),
            ExtensionRequestOutcome.TooFar r => texts.DeadlineTooFar(r.Task, r.Latest),
            ExtensionRequestOutcome.AlreadyPending r => texts.ExtensionPending(r.Task, r.RequestId),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
        }) with { Suggestions = undo };
    }

    public async Task<ChatReply> DecideAsync(DecideExtensionCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var outcome = await requests.DecideAsync(turn.Actor, command.RequestId, command.Approve, command.Note, cancellationToken);
        return Sent(outcome switch
        {
            ExtensionDecisionOutcome.Decided d => texts.ExtensionDecided(d.RequestId, d.Approved, d.Task, d.NewDue),
            ExtensionDecisionOutcome.NotCoordinator => texts.OnlyCoordinatorsDecide,
            ExtensionDecisionOutcome.RequestNotFound d => texts.ExtensionNotFound(d.RequestId),
            ExtensionDecisionOutcome.AlreadyDecided d => texts.ExtensionAlreadyDecided(d.RequestId, d.Approved),
            ExtensionDecisionOutcome.Withdrawn d => texts.ExtensionWithdrawn(d.RequestId),
            ExtensionDecisionOutcome.NoLongerLater d => texts.ExtensionNoLongerLater(d.RequestId, d.Task, d.Asked),
            ExtensionDecisionOutcome.TooFar d => texts.DeadlineTooFar(d.Task, d.Latest),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
        });
    }

    /// <summary>待审批: each request waiting for a decision, with its 同意 and 驳回 buttons; for coordinators.</summary>
    public async Task<ChatReply> PendingAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        if (!Permissions.CanAdminister(turn.Actor.Person))
        {
            return new ChatReply(texts.PendingCoordinatorsOnly);
        }

        var pending = await requests.PendingAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return new ChatReply(texts.NothingPending);
        }

        return new ChatReply(texts.PendingHeader(pending.Count))
        {
            Items = pending.Take(TaskItems.MaxListed).Select(p => new ReplyItem(
                $"#{p.Id} {p.Code} {p.Title}",
                [new ReplyAction(texts.ApproveButton, texts.ApproveCommand(p.Id)), new ReplyAction(texts.RejectButton, texts.RejectCommand(p.Id))])
            {
                Lines = [texts.PendingLine(p)],
            }).ToList(),
            Footer = pending.Count > TaskItems.MaxListed ? texts.More(pending.Count - TaskItems.MaxListed) : null,
        };
    }

    /// <summary>The answer; whatever notice the change queued is on its way already (its commit woke delivery).</summary>
    private static ChatReply Sent(string answer) => new(answer);
}
