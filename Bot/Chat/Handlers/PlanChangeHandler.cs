using CampaignBot.Chat.Parsing;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Reminders;
using CampaignBot.Scheduling.Reminders;
using Microsoft.Extensions.Options;

namespace CampaignBot.Chat.Handlers;

/// <summary>Deadline extensions (申请延期, 同意/驳回延期), hand-overs (转办) and snoozes (稍后提醒).</summary>
public sealed class PlanChangeHandler(DeadlineChanges changes, Snoozes snoozes, TaskRepository tasks, OutboxKick outbox, IOptions<ReminderOptions> reminders)
{
    public async Task<ChatReply> ExtendAsync(ExtendCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        Sent(await changes.RequestExtensionAsync(turn.Actor, command.Code, command.NewDueOn, command.Reason, ChatOf(turn), turn.Texts, cancellationToken));

    public async Task<ChatReply> DecideAsync(DecideExtensionCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        Sent(await changes.DecideExtensionAsync(turn.Actor, command.RequestId, command.Approve, command.Note, turn.Texts, cancellationToken));

    public async Task<ChatReply> ReassignAsync(ReassignCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        Sent(await changes.ReassignAsync(turn.Actor, command.Code, command.To, turn.Texts, cancellationToken));

    /// <summary>The answer, with whatever notices the change queued on their way now.</summary>
    private ChatReply Sent(string answer)
    {
        outbox.Kick();
        return new ChatReply(answer);
    }

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

        var snoozed = await snoozes.ScheduleAsync(ChatOf(turn), task.Id, command.Day, turn.Actor.Person.Id, cancellationToken);
        return snoozed.Scheduled
            ? new ChatReply(turn.Texts.Snoozed(task, command.Day, reminders.Value.SendTimeLocal, snoozed.Replaced))
            : new ChatReply(turn.Texts.RemindersOff);
    }

    private static string ChatOf(ChatTurn turn) => new ChatTarget(turn.Request.ChannelId, turn.Request.ConversationId).Key;
}
