using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;
using CampaignBot.Reminders;
using CampaignBot.Telemetry;

namespace CampaignBot.Chat.Handlers;

/// <summary>撤销: takes back one change read from words, exactly (status, the evidence it added, a request, a hand-over, a snooze).</summary>
public sealed class UndoHandler(ChangeUndo undo, Snoozes snoozes, CampaignMetrics metrics)
{
    public async Task<ChatReply> UndoAsync(UndoCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var outcome = await undo.UndoAsync(turn.Actor, command.ChangeId, cancellationToken);
        if (outcome is UndoOutcome.Undone)
        {
            // A change read from words and taken back: the reading was wrong (campaignbot_understanding_total{outcome="undone"}).
            metrics.Understood(turn.Actor.ChannelId, UnderstandingOutcome.Undone);
        }

        if (outcome is UndoOutcome.Undone { SnoozeTarget: { } target } snoozed)
        {
            // The earlier snooze it had replaced comes back; else there is none any more.
            await (snoozed.SnoozeBackTo is { } day
                ? snoozes.RescheduleAsync(snoozed.Task.Id, target, day, cancellationToken)
                : snoozes.UnscheduleAsync(snoozed.Task.Id, target, cancellationToken));
        }

        return new ChatReply(outcome switch
        {
            UndoOutcome.Undone u => texts.Undone(u.Task, u.Action, u.EvidenceWithdrawn),
            UndoOutcome.NotFound u => texts.UndoNotFound(u.ChangeId),
            UndoOutcome.UnknownPerson => texts.UnknownPersonCannotChange(turn.Actor.AccountId),
            UndoOutcome.NotPermitted u => texts.UndoNotPermitted(u.Task),
            UndoOutcome.Superseded u => texts.UndoSuperseded(u.Task),
            UndoOutcome.NotUndoable u => texts.UndoNotPossible(u.Task),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
        });
    }

    /// <summary>
    /// The 撤销 button a change carries when it was read from the person's own words rather than a
    /// button or the command form: a misreading is one tap from undone.
    /// </summary>
    public static IReadOnlyList<ReplyAction> ButtonFor(ChatTurn turn, long? changeId, string code) =>
        turn.ReadFromWords && changeId is { } id
            ? [new ReplyAction(turn.Texts.UndoButton(code), turn.Texts.CommandText(new UndoCommand(id, turn.Texts.Language)))]
            : [];
}
