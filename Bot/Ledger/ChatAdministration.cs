using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;

namespace CampaignBot.Ledger;

/// <summary>
/// What coordinators do in chat: bind a group chat to an office, link an account to a person (robots:
/// <c>Robots.RobotAdministration</c>); and what anyone does for themselves: subscribe. Each decision
/// checks who may make it first, so a refused actor learns nothing else (not even which offices exist).
/// </summary>
public sealed class ChatAdministration(LedgerDatabase database, AuditRepository audit, ConversationRepository conversations, DirectoryRepository directory, TimeProvider time)
{
    /// <summary>Binds the actor's group chat to the office named.</summary>
    public async Task<BindingOutcome> BindAsync(ChatActor actor, string officeName, bool inGroup, CancellationToken cancellationToken = default)
    {
        if (!Permissions.CanAdminister(actor.Person) || actor.Person is not { } person)
        {
            return new BindingOutcome.NotPermitted();
        }

        if (!inGroup)
        {
            return new BindingOutcome.NotAGroup();
        }

        if (await directory.FindOfficeAsync(officeName, cancellationToken) is not { } office)
        {
            return new BindingOutcome.UnknownOffice(officeName);
        }

        return await database.WriteAsync<BindingOutcome>(async (connection, transaction) =>
        {
            var before = await conversations.FindAsync(transaction, actor.ChannelId, actor.ConversationId);
            if (before is null)
            {
                return new BindingOutcome.ChatNotFound();
            }

            if (before.BoundOfficeId == office.Id)
            {
                return new BindingOutcome.AlreadyBound(office);
            }

            await conversations.BindOfficeAsync(transaction, actor.ChannelId, actor.ConversationId, office.Id);
            await audit.AppendAsync(transaction, Entry(actor, person, "conversation.bind",
                "conversation", $"{actor.ChannelId}:{actor.ConversationId}", new { Office = before.BoundOfficeName }, new { Office = office.Name }));
            return new BindingOutcome.Bound(office);
        }, cancellationToken);
    }

    /// <summary>Unbinds the actor's chat from its office.</summary>
    public Task<UnbindingOutcome> UnbindAsync(ChatActor actor, CancellationToken cancellationToken = default) =>
        database.WriteAsync<UnbindingOutcome>(async (connection, transaction) =>
        {
            if (!Permissions.CanAdminister(actor.Person) || actor.Person is not { } person)
            {
                return new UnbindingOutcome.NotPermitted();
            }

            var before = await conversations.FindAsync(transaction, actor.ChannelId, actor.ConversationId);
            if (before?.BoundOfficeId is null)
            {
                return new UnbindingOutcome.NotBound();
            }

            await conversations.BindOfficeAsync(transaction, actor.ChannelId, actor.ConversationId, null);
            await audit.AppendAsync(transaction, Entry(actor, person, "conversation.unbind",
                "conversation", $"{actor.ChannelId}:{actor.ConversationId}", new { Office = before.BoundOfficeName }, new { Office = (string?)null }));
            return new UnbindingOutcome.Unbound();
        }, cancellationToken);

    /// <summary>
    /// 订阅我的提醒: the person opts in again (if they had opted out) and this 1:1 chat gets their own
    /// tasks' reminders even where their office's group gets them too. 退订: the person opts out of
    /// everything personal (reminders, notices, the report in their 1:1 chats, every subscription).
    /// </summary>
    public Task<SubscriptionOutcome> SubscribeAsync(ChatActor actor, bool subscribe, bool inGroup, CancellationToken cancellationToken = default) =>
        database.WriteAsync<SubscriptionOutcome>(async (connection, transaction) =>
        {
            if (actor.Person is not { } person)
            {
                return new SubscriptionOutcome.UnknownPerson();
            }

            if (inGroup)
            {
                return new SubscriptionOutcome.NotAPersonalChat();
            }

            var before = await conversations.FindAsync(transaction, actor.ChannelId, actor.ConversationId);
            if (before is null)
            {
                return new SubscriptionOutcome.Unchanged(person, subscribe);
            }

            var optedOut = await directory.OptedOutAtAsync(transaction, person.Id) is not null;
            var subscribedChats = await conversations.SubscribedChatsAsync(transaction, person.Id);
            if (subscribe ? !optedOut && before.BoundPersonId == person.Id : optedOut && subscribedChats == 0)
            {
                return new SubscriptionOutcome.Unchanged(person, subscribe);
            }

            var now = time.GetUtcNow();
            await directory.SetOptedOutAsync(transaction, person.Id, subscribe ? null : now);
            if (subscribe)
            {
                await conversations.BindPersonAsync(transaction, actor.ChannelId, actor.ConversationId, person.Id);
            }
            else
            {
                await conversations.UnsubscribeEverywhereAsync(transaction, person.Id);
            }

            await audit.AppendAsync(transaction, Entry(actor, person, subscribe ? "conversation.subscribe" : "conversation.unsubscribe",
                "conversation", $"{actor.ChannelId}:{actor.ConversationId}",
                new { before.BoundPersonId, OptedOut = optedOut, SubscribedChats = subscribedChats },
                new { BoundPersonId = subscribe ? person.Id : (long?)null, OptedOut = !subscribe }));
            return subscribe ? new SubscriptionOutcome.Subscribed(person) : new SubscriptionOutcome.Unsubscribed(person);
        }, cancellationToken);

    /// <summary>Links the account to the person named.</summary>
    public async Task<AccountLinkOutcome> LinkAccountAsync(ChatActor actor, string personName, string accountId, CancellationToken cancellationToken = default)
    {
        if (!Permissions.CanAdminister(actor.Person) || actor.Person is not { } person)
        {
            return new AccountLinkOutcome.NotPermitted();
        }

        if (await directory.FindPersonByNameAsync(personName, cancellationToken) is not { } target)
        {
            return new AccountLinkOutcome.PersonNotFound(personName);
        }

        return await database.WriteAsync<AccountLinkOutcome>(async (connection, transaction) =>
        {
            var previous = await directory.AccountOwnerNameAsync(transaction, accountId);
            if (previous == target.Name)
            {
                return new AccountLinkOutcome.AlreadyLinked(target);
            }

            var now = time.GetUtcNow();
            await directory.LinkAccountAsync(transaction, accountId, target.Id, null, now);
            await audit.AppendAsync(transaction, Entry(actor, person, "account.link",
                "channel_account", accountId, new { Person = previous }, new { Person = target.Name }));
            return new AccountLinkOutcome.Linked(target);
        }, cancellationToken);
    }

    private AuditEntry Entry(ChatActor actor, Person person, string action, string entity, string key, object before, object after) =>
        AuditEntry.ByChat(actor, person, time.GetUtcNow(), action, entity, key, before, after);
}
