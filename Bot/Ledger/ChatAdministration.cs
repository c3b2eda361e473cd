using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;

namespace CampaignBot.Ledger;

/// <summary>What coordinators do in chat: bind a group chat to an office, link an account to a person (robots: <c>Robots.RobotAdministration</c>).</summary>
public sealed class ChatAdministration(LedgerDatabase database, TimeProvider time)
{
    /// <summary>Binds the actor's chat to the office; <paramref name="office"/> null unbinds it.</summary>
    public Task<ChangeResult<string>> BindAsync(ChatActor actor, Office? office, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (actor.Person is not { IsCoordinator: true } person)
            {
                return ChangeResult<string>.Of(ChangeOutcome.NotPermitted);
            }

            var before = await ConversationRepository.FindAsync(connection, transaction, actor.ChannelId, actor.ConversationId);
            if (before is null)
            {
                return ChangeResult<string>.Of(ChangeOutcome.NotFound);
            }

            if (before.BoundOfficeId == office?.Id)
            {
                return ChangeResult<string>.Of(ChangeOutcome.AlreadyInState, office?.Name);
            }

            await ConversationRepository.BindOfficeAsync(connection, transaction, actor.ChannelId, actor.ConversationId, office?.Id);
            await AuditRepository.AppendAsync(connection, transaction, Entry(actor, person, office is null ? "conversation.unbind" : "conversation.bind",
                "conversation", $"{actor.ChannelId}:{actor.ConversationId}", new { Office = before.BoundOfficeName }, new { Office = office?.Name }));
            return ChangeResult<string>.Of(ChangeOutcome.Changed, office?.Name);
        }, cancellationToken);

    /// <summary>
    /// 订阅我的提醒: the person opts in again (if they had opted out) and this 1:1 chat gets their own
    /// tasks' reminders even where their office's group gets them too. 退订: the person opts out of
    /// everything personal (reminders, notices, the report in their 1:1 chats, every subscription).
    /// </summary>
    public Task<ChangeResult<Person>> SubscribeAsync(ChatActor actor, bool subscribe, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (actor.Person is not { } person)
            {
                return ChangeResult<Person>.Of(ChangeOutcome.UnknownPerson);
            }

            var before = await ConversationRepository.FindAsync(connection, transaction, actor.ChannelId, actor.ConversationId);
            if (before is null)
            {
                return ChangeResult<Person>.Of(ChangeOutcome.AlreadyInState, person);
            }

            var optedOut = await DirectoryRepository.OptedOutAtAsync(connection, transaction, person.Id) is not null;
            var subscribedChats = await ConversationRepository.SubscribedChatsAsync(connection, transaction, person.Id);
            if (subscribe ? !optedOut && before.BoundPersonId == person.Id : optedOut && subscribedChats == 0)
            {
                return ChangeResult<Person>.Of(ChangeOutcome.AlreadyInState, person);
            }

            var now = time.GetUtcNow();
            await DirectoryRepository.SetOptedOutAsync(connection, transaction, person.Id, subscribe ? null : now);
            if (subscribe)
            {
                await ConversationRepository.BindPersonAsync(connection, transaction, actor.ChannelId, actor.ConversationId, person.Id);
            }
            else
            {
                await ConversationRepository.UnsubscribeEverywhereAsync(connection, transaction, person.Id);
            }

            await AuditRepository.AppendAsync(connection, transaction, Entry(actor, person, subscribe ? "conversation.subscribe" : "conversation.unsubscribe",
                "conversation", $"{actor.ChannelId}:{actor.ConversationId}",
                new { before.BoundPersonId, OptedOut = optedOut, SubscribedChats = subscribedChats },
                new { BoundPersonId = subscribe ? person.Id : (long?)null, OptedOut = !subscribe }));
            return ChangeResult<Person>.Of(ChangeOutcome.Changed, person);
        }, cancellationToken);

    public Task<ChangeResult<Person>> LinkAccountAsync(ChatActor actor, Person target, string accountId, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (actor.Person is not { IsCoordinator: true } person)
            {
                return ChangeResult<Person>.Of(ChangeOutcome.NotPermitted, target);
            }

            var previous = await DirectoryRepository.AccountOwnerNameAsync(connection, transaction, accountId);
            if (previous == target.Name)
            {
                return ChangeResult<Person>.Of(ChangeOutcome.AlreadyInState, target);
            }

            var now = time.GetUtcNow();
            await DirectoryRepository.LinkAccountAsync(connection, transaction, accountId, target.Id, null, now);
            await AuditRepository.AppendAsync(connection, transaction, Entry(actor, person, "account.link",
                "channel_account", accountId, new { Person = previous }, new { Person = target.Name }));
            return ChangeResult<Person>.Of(ChangeOutcome.Changed, target);
        }, cancellationToken);

    private AuditEntry Entry(ChatActor actor, Person person, string action, string entity, string key, object before, object after) =>
        AuditEntry.ByChat(actor, person, time.GetUtcNow(), action, entity, key, before, after);
}
