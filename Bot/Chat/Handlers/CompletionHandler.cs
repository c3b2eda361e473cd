using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Chat.Handlers;

/// <summary>
/// Marks tasks done (the message's attachments become evidence) and reopens them. Files sent with
/// 完成 on a task already done are not dropped: they become more of its evidence (as 补充佐证 would).
/// </summary>
public sealed class CompletionHandler(TaskCompletion completion, EvidenceFiles.EvidenceCollector collector, CampaignClock clock)
{
    public async Task<ChatReply> DoneAsync(DoneCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var attachments = turn.Request.Attachments;
        var note = AttachmentNotes.AsEvidence(command.Note);
        var outcome = await completion.MarkDoneAsync(turn.Actor, command.Code, note, attachments, cancellationToken);
        var texts = turn.Texts;
        return outcome switch
        {
            TaskChangeOutcome.Changed done => new ChatReply(await EvidenceHandler.KeptAsync(texts.MarkedDone(done.Task, attachments.Count + (note is null ? 0 : 1)), done.Task, turn, collector, cancellationToken))
            {
                Suggestions = UndoHandler.ButtonFor(turn, done.AuditId, command.Code),
            },
            // Words alone sent again are most likely the same message twice; files are what people add.
            TaskChangeOutcome.AlreadyInState when attachments.Count > 0 => await AddToDoneTaskAsync(command.Code, note, turn, cancellationToken),
            TaskChangeOutcome.AlreadyInState done => new ChatReply(texts.AlreadyDone(done.Task, clock.Zone)),
            _ => Refusal(outcome, command.Code, turn),
        };
    }

    private async Task<ChatReply> AddToDoneTaskAsync(string code, string? note, ChatTurn turn, CancellationToken cancellationToken)
    {
        var attachments = turn.Request.Attachments;
        var outcome = await completion.AddEvidenceAsync(turn.Actor, code, note, attachments, cancellationToken);
        return outcome is TaskChangeOutcome.Changed added
            ? new ChatReply(await EvidenceHandler.KeptAsync(turn.Texts.AlreadyDoneEvidenceAdded(added.Task, attachments.Count + (note is null ? 0 : 1), clock.Zone), added.Task, turn, collector, cancellationToken))
            {
                Suggestions = UndoHandler.ButtonFor(turn with { ReadFromWords = true }, added.AuditId, code),
            }
            : Refusal(outcome, code, turn);
    }

    public async Task<ChatReply> ReopenAsync(ReopenCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var outcome = await completion.ReopenAsync(turn.Actor, command.Code, command.Reason, cancellationToken);
        return outcome switch
        {
            TaskChangeOutcome.Changed reopened => new ChatReply(turn.Texts.Reopened(reopened.Task)) { Suggestions = UndoHandler.ButtonFor(turn, reopened.AuditId, command.Code) },
            TaskChangeOutcome.AlreadyInState open => new ChatReply(turn.Texts.AlreadyOpen(open.Task)),
            _ => Refusal(outcome, command.Code, turn),
        };
    }

    /// <summary>The words for a task change refused; called with what the caller did not word itself.</summary>
    public static ChatReply Refusal(TaskChangeOutcome outcome, string code, ChatTurn turn) => new(outcome switch
    {
        TaskChangeOutcome.TaskNotFound => turn.Texts.TaskNotFound(code),
        TaskChangeOutcome.UnknownPerson => turn.Texts.UnknownPersonCannotChange(turn.Actor.AccountId),
        TaskChangeOutcome.NotPermitted refused => turn.Texts.NotPermitted(refused.Task),
        _ => throw new InvalidOperationException($"Not a refusal: {outcome}"),
    });
}
