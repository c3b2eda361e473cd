using CampaignBot.Chat.Parsing;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.EvidenceFiles;
using CampaignBot.Ledger;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Chat.Handlers;

/// <summary>A task's evidence: listing it with each file's state, adding to it after completion, withdrawing a mistake.</summary>
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
        var result = await completion.AddEvidenceAsync(turn.Actor, command.Code, command.Note, attachments, cancellationToken);
        if (result.Outcome != ChangeOutcome.Changed)
        {
            // AlreadyInState: the message brought neither a note nor a file.
            return result.Outcome == ChangeOutcome.AlreadyInState
                ? new ChatReply(turn.Texts.NothingToAdd(result.Subject!.Code))
                : CompletionHandler.Refusal(result, command.Code, turn);
        }

        return new ChatReply(await KeptAsync(turn.Texts.EvidenceAdded(result.Subject!, attachments.Count + (command.Note is null ? 0 : 1)), result.Subject!, turn, collector, cancellationToken))
        {
            Suggestions = UndoHandler.ButtonFor(turn, result.AuditId, command.Code),
        };
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
