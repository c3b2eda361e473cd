using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Reminders;

namespace CampaignBot.Chat.Handlers;

/// <summary>稍后提醒: a task's reminder again in this chat on a chosen day.</summary>
public sealed class SnoozeHandler(Snoozes snoozes)
{
    public async Task<ChatReply> SnoozeAsync(SnoozeCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var texts = turn.Texts;
        var outcome = await snoozes.SnoozeAsync(turn.Actor, command.Code, command.Day, turn.Request.Target, cancellationToken);
        return new ChatReply(outcome switch
        {
            SnoozeOutcome.Snoozed s => texts.Snoozed(s.Task, s.Day, s.At, s.Replaced, s.AskedFor),
            SnoozeOutcome.UnknownPerson => texts.UnknownPersonCannotChange(turn.Actor.AccountId),
            SnoozeOutcome.TooFar s => texts.SnoozeTooFar(s.MaxDays, s.Latest),
            SnoozeOutcome.TaskNotFound s => texts.TaskNotFound(s.Code),
            SnoozeOutcome.AlreadyDone s => texts.TaskAlreadyDone(s.Task),
            SnoozeOutcome.RemindersOff => texts.RemindersOff,
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
        })
        {
            Suggestions = outcome is SnoozeOutcome.Snoozed snoozed ? UndoHandler.ButtonFor(turn, snoozed.AuditId, command.Code) : [],
        };
    }
}
