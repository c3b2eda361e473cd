using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.Handlers;

/// <summary>
/// Coordinators' commands in chat (bind a group to an office, link an account, add a robot),
/// subscriptions, and whoami. Who may do what is the ledger's decision; this only words its outcome.
/// </summary>
public sealed class AdministrationHandler(ChatAdministration administration, RobotAdministration robotAdministration, DirectoryRepository directory, Ledger.Repositories.RobotRepository robots)
{
    public async Task<ChatReply> AddRobotAsync(AddRobotCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var outcome = await robotAdministration.AddAsync(turn.Actor, command.OfficeName, KindOf(command.Kind), command.Url, command.Secret, cancellationToken);
        return outcome switch
        {
            RobotAdditionOutcome.Added added => new ChatReply(turn.Texts.RobotAdded(added.Id, added.Office.Name, KindOf(command.Kind), Security.RobotSecrets.MaskUrl(command.Url),
                command.Secret is null ? null : Security.RobotSecrets.Mask(command.Secret))),
            RobotAdditionOutcome.NotPermitted => new ChatReply(turn.Texts.CoordinatorsOnly),
            RobotAdditionOutcome.UnknownOffice unknown => await UnknownOfficeAsync(unknown.Name, turn, cancellationToken),
            RobotAdditionOutcome.UrlNotAllowed refused => new ChatReply(turn.Texts.RobotUrlNotAllowed(Security.RobotSecrets.MaskUrl(command.Url), refused.AllowedBases)),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
        };
    }

    /// <summary>The robot service a message named, as the robot registry knows it (the language engine has its own enum).</summary>
    private static Ledger.RobotKind KindOf(RobotService service) => service switch
    {
        RobotService.DingTalk => Ledger.RobotKind.DingTalk,
        RobotService.WeCom => Ledger.RobotKind.WeCom,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    /// <summary>What is registered, with masked credentials: for coordinators only, since a robot's address is its credential.</summary>
    public async Task<ChatReply> ListRobotsAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!Permissions.CanAdminister(turn.Actor.Person))
        {
            return new ChatReply(turn.Texts.CoordinatorsOnly);
        }

        var all = await robots.AllAsync(cancellationToken);
        var lines = all.Select(r => turn.Texts.RobotLine(r.Id, r.OfficeName, r.Kind, Security.RobotSecrets.MaskUrl(r.Url), r.Secret is not null, r.Source == "config"));
        return new ChatReply(string.Join("\n", lines.Prepend(turn.Texts.RobotsHeader(all.Count))));
    }

    public async Task<ChatReply> BindAsync(BindOfficeCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var outcome = await administration.BindAsync(turn.Actor, command.OfficeName, turn.Request.IsGroup, cancellationToken);
        return outcome switch
        {
            BindingOutcome.Bound bound => new ChatReply(turn.Texts.Bound(bound.Office.Name)),
            BindingOutcome.AlreadyBound bound => new ChatReply(turn.Texts.AlreadyBound(bound.Office.Name)),
            // A chat the ledger does not know has been removed meanwhile: refused as if by permission, as before.
            BindingOutcome.NotPermitted or BindingOutcome.ChatNotFound => new ChatReply(turn.Texts.CoordinatorsOnly),
            BindingOutcome.NotAGroup => new ChatReply(turn.Texts.BindOnlyInGroup),
            BindingOutcome.UnknownOffice unknown => await UnknownOfficeAsync(unknown.Name, turn, cancellationToken),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
        };
    }

    public async Task<ChatReply> UnbindAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var outcome = await administration.UnbindAsync(turn.Actor, cancellationToken);
        return new ChatReply(outcome switch
        {
            UnbindingOutcome.Unbound => turn.Texts.Unbound,
            UnbindingOutcome.NotBound => turn.Texts.NotBound,
            UnbindingOutcome.NotPermitted => turn.Texts.CoordinatorsOnly,
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
        });
    }

    public async Task<ChatReply> LinkAsync(LinkAccountCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var outcome = await administration.LinkAccountAsync(turn.Actor, command.PersonName, command.AccountId, cancellationToken);
        return new ChatReply(outcome switch
        {
            AccountLinkOutcome.Linked linked => turn.Texts.Linked(command.AccountId, linked.Person),
            AccountLinkOutcome.AlreadyLinked linked => turn.Texts.AlreadyLinked(command.AccountId, linked.Person),
            AccountLinkOutcome.NotPermitted => turn.Texts.CoordinatorsOnly,
            AccountLinkOutcome.PersonNotFound unknown => turn.Texts.UnknownPerson(unknown.Name),
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
        });
    }

    public async Task<ChatReply> SubscribeAsync(SubscribeCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var outcome = await administration.SubscribeAsync(turn.Actor, command.Subscribe, turn.Request.IsGroup, cancellationToken);
        return new ChatReply(outcome switch
        {
            SubscriptionOutcome.Subscribed s => turn.Texts.Subscribed(s.Person.Name),
            SubscriptionOutcome.Unsubscribed => turn.Texts.Unsubscribed,
            SubscriptionOutcome.Unchanged { IsSubscribed: true } s => turn.Texts.AlreadySubscribed(s.Person.Name),
            SubscriptionOutcome.Unchanged => turn.Texts.NotSubscribed,
            SubscriptionOutcome.UnknownPerson => turn.Texts.UnknownAccount(turn.Actor.AccountId),
            SubscriptionOutcome.NotAPersonalChat => turn.Texts.SubscribeInPersonalChatOnly,
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome}"),
        });
    }

    public static ChatReply WhoAmI(ChatTurn turn) =>
        new(turn.Texts.WhoAmI(turn.Actor.AccountId, turn.Actor.Person, turn.BoundOffice?.OfficeName));

    /// <summary>The office named is not in the directory: the reply names the ones that are.</summary>
    private async Task<ChatReply> UnknownOfficeAsync(string name, ChatTurn turn, CancellationToken cancellationToken)
    {
        var known = (await directory.OfficesAsync(cancellationToken)).Select(o => o.Name);
        return new ChatReply(turn.Texts.UnknownOffice(name, known));
    }
}
