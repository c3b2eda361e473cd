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

    /// <summary>Subscribes the actor's 1:1 chat to their own tasks' reminders, or stops it.</summary>
    public Task<ChangeResult<Person>> SubscribeAsync(ChatActor actor, bool subscribe, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (actor.Person is not { } person)
            {
                return ChangeResult<Person>.Of(ChangeOutcome.UnknownPerson);
            }

            var before = await ConversationRepository.FindAsync(connection, transaction, actor.ChannelId, actor.ConversationId);
            var wanted = subscribe ? person.Id : (long?)null;
            if (before is null || before.BoundPersonId == wanted)
            {
                return ChangeResult<Person>.Of(ChangeOutcome.AlreadyInState, person);
            }

            await ConversationRepository.BindPersonAsync(connection, transaction, actor.ChannelId, actor.ConversationId, wanted);
            await AuditRepository.AppendAsync(connection, transaction, Entry(actor, person, subscribe ? "conversation.subscribe" : "conversation.unsubscribe",
                "conversation", $"{actor.ChannelId}:{actor.ConversationId}", new { before.BoundPersonId }, new { BoundPersonId = wanted }));
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
