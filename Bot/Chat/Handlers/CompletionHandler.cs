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
        var result = await completion.MarkDoneAsync(turn.Actor, command.Code, note, attachments, cancellationToken);
        var texts = turn.Texts;
        return result.Outcome switch
        {
            ChangeOutcome.Changed => new ChatReply(await EvidenceHandler.KeptAsync(texts.MarkedDone(result.Subject!, attachments.Count + (note is null ? 0 : 1)), result.Subject!, turn, collector, cancellationToken))
            {
                Suggestions = UndoHandler.ButtonFor(turn, result.AuditId, command.Code),
            },
            // Words alone sent again are most likely the same message twice; files are what people add.
            ChangeOutcome.AlreadyInState when attachments.Count > 0 => await AddToDoneTaskAsync(command.Code, note, turn, cancellationToken),
            ChangeOutcome.AlreadyInState => new ChatReply(texts.AlreadyDone(result.Subject!, clock.Zone)),
            _ => Refusal(result, command.Code, turn),
        };
    }

    private async Task<ChatReply> AddToDoneTaskAsync(string code, string? note, ChatTurn turn, CancellationToken cancellationToken)
    {
        var attachments = turn.Request.Attachments;
        var result = await completion.AddEvidenceAsync(turn.Actor, code, note, attachments, cancellationToken);
        return result.Outcome == ChangeOutcome.Changed
            ? new ChatReply(await EvidenceHandler.KeptAsync(turn.Texts.AlreadyDoneEvidenceAdded(result.Subject!, attachments.Count + (note is null ? 0 : 1), clock.Zone), result.Subject!, turn, collector, cancellationToken))
            {
                Suggestions = UndoHandler.ButtonFor(turn with { ReadFromWords = true }, result.AuditId, code),
            }
            : Refusal(result, code, turn);
    }

    public async Task<ChatReply> ReopenAsync(ReopenCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var result = await completion.ReopenAsync(turn.Actor, command.Code, command.Reason, cancellationToken);
        return result.Outcome switch
        {
            ChangeOutcome.Changed => new ChatReply(turn.Texts.Reopened(result.Subject!)) { Suggestions = UndoHandler.ButtonFor(turn, result.AuditId, command.Code) },
            ChangeOutcome.AlreadyInState => new ChatReply(turn.Texts.AlreadyOpen(result.Subject!)),
            _ => Refusal(result, command.Code, turn),
        };
    }

    public static ChatReply Refusal(ChangeResult<LedgerTask> result, string code, ChatTurn turn) => new(result.Outcome switch
    {
        ChangeOutcome.NotFound => turn.Texts.TaskNotFound(code),
        ChangeOutcome.UnknownPerson => turn.Texts.UnknownPersonCannotChange(turn.Actor.AccountId),
        _ => turn.Texts.NotPermitted(result.Subject!),
    });
}
