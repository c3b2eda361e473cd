using CampaignBot.Chat.Parsing;
using CampaignBot.Chat.Replies;
using CampaignBot.Data.Repositories;
using CampaignBot.Reminders;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Options;

namespace CampaignBot.Chat.Handlers;

/// <summary>稍后提醒: a task's reminder again in this chat on a chosen day.</summary>
public sealed class SnoozeHandler(Snoozes snoozes, TaskRepository tasks, IOptions<ReminderOptions> reminders)
{
    public async Task<ChatReply> SnoozeAsync(SnoozeCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        // A snooze is a scheduled job: people the ledger does not know may ask, not schedule.
        if (turn.Actor.Person is null)
        {
            return new ChatReply(turn.Texts.UnknownPersonCannotChange(turn.Actor.AccountId));
        }

        var latest = turn.Today.AddDays(reminders.Value.MaxSnoozeDays);
        if (command.Day > latest)
        {
            return new ChatReply(turn.Texts.SnoozeTooFar(reminders.Value.MaxSnoozeDays, latest));
        }

        var task = await tasks.FindByCodeAsync(command.Code, cancellationToken);
        if (task is null)
        {
            return new ChatReply(turn.Texts.TaskNotFound(command.Code));
        }

        if (task.IsDone)
        {
            return new ChatReply(turn.Texts.TaskAlreadyDone(task));
        }

        var snoozed = await snoozes.ScheduleAsync(turn.Request.Target, task.Id, command.Day, turn.Actor.Person.Id, cancellationToken);
        return snoozed.Scheduled
            ? new ChatReply(turn.Texts.Snoozed(task, command.Day, reminders.Value.SendTimeLocal, snoozed.Replaced))
            : new ChatReply(turn.Texts.RemindersOff);
    }
}
