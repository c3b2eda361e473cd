using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.EvidenceFiles;
using CampaignBot.Ledger;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Chat.Handlers;

/// <summary>
/// A task's evidence: listing it with each file's state, adding to it after completion (补充佐证, or files
/// sent on their own just after marking it done), withdrawing a mistake.
/// </summary>
public sealed class EvidenceHandler(TaskCompletion completion, TaskRepository tasks, EvidenceRepository evidence, EvidenceCollector collector, CampaignClock clock)
{
    public async Task<ChatReply> ListAsync(ListEvidenceCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var task = await tasks.FindByCodeAsync(command.Code, cancellationToken);
        if (task is null)
        {
            return new ChatReply(turn.Texts.TaskNotFound(command.Code));
        }

        var kept = await evidence.ForTaskAsync(task.Id, cancellationToken);
        return new ChatReply(string.Join("\n", kept.Select(e => turn.Texts.EvidenceListLine(e, clock.Zone)).Prepend(turn.Texts.EvidenceListHeader(task, kept.Count))));
    }

    public async Task<ChatReply> AddAsync(AddEvidenceCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var attachments = turn.Request.Attachments;
        var note = AttachmentNotes.AsEvidence(command.Note);
        var result = await completion.AddEvidenceAsync(turn.Actor, command.Code, note, attachments, cancellationToken);
        if (result.Outcome != ChangeOutcome.Changed)
        {
            // AlreadyInState: the message brought neither a note nor a file.
            return result.Outcome == ChangeOutcome.AlreadyInState
                ? new ChatReply(turn.Texts.NothingToAdd(result.Subject!.Code))
                : CompletionHandler.Refusal(result, command.Code, turn);
        }

        return new ChatReply(await KeptAsync(turn.Texts.EvidenceAdded(result.Subject!, attachments.Count + (note is null ? 0 : 1)), result.Subject!, turn, collector, cancellationToken))
        {
            Suggestions = UndoHandler.ButtonFor(turn, result.AuditId, command.Code),
        };
    }

    /// <summary>
    /// Files sent on their own (or with words that only point at them): evidence of the task the sender
    /// marked done in this chat in the last <see cref="TaskCompletion.FilesFollowCompletionFor"/>, else a
    /// question back, since no task is named.
    /// </summary>
    public async Task<ChatReply> FilesAloneAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var attachments = turn.Request.Attachments;
        var code = await completion.JustCompletedAsync(turn.Actor, cancellationToken);
        if (code is null)
        {
            return new ChatReply(turn.Texts.FilesWithoutTask(attachments.Count, (int)TaskCompletion.FilesFollowCompletionFor.TotalMinutes));
        }

        var result = await completion.AddEvidenceAsync(turn.Actor, code, null, attachments, cancellationToken);
        return result.Outcome == ChangeOutcome.Changed
            ? new ChatReply(await KeptAsync(turn.Texts.EvidenceFollowsCompletion(result.Subject!, attachments.Count), result.Subject!, turn, collector, cancellationToken))
            {
                // Which task the files went to was inferred: one tap takes them back.
                Suggestions = UndoHandler.ButtonFor(turn with { ReadFromWords = true }, result.AuditId, code),
            }
            : CompletionHandler.Refusal(result, code, turn);
    }

    public async Task<ChatReply> WithdrawAsync(WithdrawEvidenceCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var result = await completion.WithdrawEvidenceAsync(turn.Actor, command.EvidenceId, cancellationToken);
        return new ChatReply(result.Outcome switch
        {
            ChangeOutcome.Changed => turn.Texts.EvidenceWithdrawn(command.EvidenceId, result.Subject!),
            ChangeOutcome.NotFound => turn.Texts.EvidenceNotFound(command.EvidenceId),
            ChangeOutcome.UnknownPerson => turn.Texts.UnknownPersonCannotChange(turn.Actor.AccountId),
            _ => turn.Texts.EvidenceNotYours(command.EvidenceId),
        });
    }

    /// <summary>
    /// The reply for a change that brought evidence: its own words, then what became of each file just
    /// fetched (kept, to be retried, refused), and of attachments that were not evidence at all.
    /// </summary>
    public static async Task<string> KeptAsync(string reply, LedgerTask task, ChatTurn turn, EvidenceCollector collector, CancellationToken cancellationToken)
    {
        var files = await collector.CollectNewAsync(task.Id, cancellationToken);
        var lines = new List<string> { reply };
        if (files.Count > 0)
        {
            lines.Add(turn.Texts.EvidenceFilesKept(files.Select(f => (f.Name, f.State, f.Reason)).ToList()));
        }

        if (turn.Request.RefusedAttachments.Count > 0)
        {
            lines.Add(turn.Texts.AttachmentsRefused(turn.Request.RefusedAttachments));
        }

        return string.Join("\n", lines);
    }
}
