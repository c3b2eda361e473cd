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
        var outcome = await completion.AddEvidenceAsync(turn.Actor, command.Code, note, attachments, cancellationToken);
        return outcome switch
        {
            TaskChangeOutcome.Changed added => new ChatReply(await KeptAsync(turn.Texts.EvidenceAdded(added.Task, attachments.Count + (note is null ? 0 : 1)), added.Task, turn, collector, cancellationToken))
            {
                Suggestions = UndoHandler.ButtonFor(turn, added.AuditId, command.Code),
            },
            // The message brought neither a note nor a file.
            TaskChangeOutcome.AlreadyInState nothing => new ChatReply(turn.Texts.NothingToAdd(nothing.Task.Code)),
            _ => CompletionHandler.Refusal(outcome, command.Code, turn),
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

        var outcome = await completion.AddEvidenceAsync(turn.Actor, code, null, attachments, cancellationToken);
        return outcome is TaskChangeOutcome.Changed added
            ? new ChatReply(await KeptAsync(turn.Texts.EvidenceFollowsCompletion(added.Task, attachments.Count), added.Task, turn, collector, cancellationToken))
            {
                // Which task the files went to was inferred: one tap takes them back.
                Suggestions = UndoHandler.ButtonFor(turn with { ReadFromWords = true }, added.AuditId, code),
            }
            : CompletionHandler.Refusal(outcome, code, turn);
    }

    public async Task<ChatReply> WithdrawAsync(WithdrawEvidenceCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var outcome = await completion.WithdrawEvidenceAsync(turn.Actor, command.EvidenceId, cancellationToken);
        return new ChatReply(outcome switch
        {
            EvidenceWithdrawalOutcome.Withdrawn withdrawn => turn.Texts.EvidenceWithdrawn(command.EvidenceId, withdrawn.Task),
            EvidenceWithdrawalOutcome.EvidenceNotFound => turn.Texts.EvidenceNotFound(command.EvidenceId),
            EvidenceWithdrawalOutcome.UnknownPerson => turn.Texts.UnknownPersonCannotChange(turn.Actor.AccountId),
            EvidenceWithdrawalOutcome.NotPermitted => turn.Texts.EvidenceNotYours(command.EvidenceId),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
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
