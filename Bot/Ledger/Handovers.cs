using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Outbox;
using CampaignBot.Scheduling.Reminders;
using CampaignBot.Scheduling.Time;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignBot.Ledger;

/// <summary>
/// Hand-overs (转办): a task goes to another office, or to a person (whose office then leads). One
/// immediate transaction with its audit row and the notice both offices' chats are owed; the task's
/// pending reminders are cancelled, so none goes to the old office.
/// </summary>
public sealed class Handovers(LedgerDatabase database, AuditRepository audit, TaskRepository tasks, DirectoryRepository directory, OutboxRepository outbox, TimeProvider time, CampaignClock clock, IOptions<ReminderOptions> reminders)
{
    /// <summary>The lead of the task's office or a coordinator may hand it over.</summary>
    public Task<HandoverOutcome> HandOverAsync(ChatActor actor, string code, string to, CancellationToken cancellationToken) =>
        database.WriteAsync<HandoverOutcome>(async (connection, transaction) =>
        {
            var before = await tasks.FindByCodeAsync(transaction, code);
            if (before is null)
            {
                return new HandoverOutcome.TaskNotFound(code);
            }

            if (actor.Person is not { } person)
            {
                return new HandoverOutcome.UnknownPerson();
            }

            if (!Permissions.CanHandOver(person, before))
            {
                return new HandoverOutcome.NotPermitted(before);
            }

            var wanted = to.Trim().TrimEnd('。', '.');
            var office = (await directory.OfficesAsync(transaction))
                .FirstOrDefault(o => o.Names.Any(n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase)));
            var owner = office is null
                ? (await directory.PeopleAsync(transaction)).FirstOrDefault(p => p.Name == wanted)
                : null;
            if (office is null && owner is null)
            {
                return new HandoverOutcome.TargetUnknown(wanted);
            }

            var leadOfficeId = office?.Id ?? owner!.OfficeId;
            if (leadOfficeId == before.LeadOfficeId && (office is not null || owner!.Id == before.OwnerId))
            {
                return new HandoverOutcome.Unchanged(before);
            }

            var now = time.GetUtcNow();
            await tasks.ChangeLeadAsync(transaction, before.Id, leadOfficeId, owner?.Id, now);
            await outbox.CancelPendingRemindersOfTaskAsync(transaction, before.Id);
            var after = (await tasks.ByIdAsync(transaction, before.Id))!;
            // The ids before, so that 撤销 can hand it back exactly.
            var auditId = await audit.AppendAsync(transaction, AuditEntry.ByChat(actor, person, now, "task.reassign", "task", after.Code,
                new { Office = before.LeadOfficeName, Owner = before.OwnerName, OfficeId = before.LeadOfficeId, before.OwnerId, before.CoOfficeIds },
                new { Office = after.LeadOfficeName, Owner = after.OwnerName }));

            // Both offices (their chats, or else their people), and the coordinators, who keep the ledger;
            // not the personal chat of whoever handed it over, whose reply said so.
            var recipients = reminders.Value.UnboundOfficeRecipientsOrDefault();
            var chats = (await NoticeTargets.OfficeAsync(connection, transaction, before.LeadOfficeId, OwnerOf(before), recipients))
                .Concat(await NoticeTargets.OfficeAsync(connection, transaction, leadOfficeId, OwnerOf(after), recipients))
                .Concat(await NoticeTargets.CoordinatorsAsync(connection, transaction))
                .Except(await PersonalChats.OfAsync(connection, transaction, [person.Id]));
            await outbox.EnqueueNoticeAsync(transaction, chats, new Notice.Handover(after.Id, before.LeadOfficeId, leadOfficeId, owner?.Id, person.Id), now, clock.Zone);
            return new HandoverOutcome.HandedOver(after) { AuditId = auditId };
        }, cancellationToken);

    private static IEnumerable<long> OwnerOf(LedgerTask task) => task.OwnerId is { } owner ? [owner] : [];
}
