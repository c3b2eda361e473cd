using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.Handlers;

/// <summary>Coordinators' commands in chat (bind a group to an office, link an account), and whoami.</summary>
public sealed class AdministrationHandler(ChatAdministration administration, Robots.RobotAdministration robotAdministration, DirectoryRepository directory, Ledger.Repositories.RobotRepository robots, Robots.RobotWebhookPolicy webhooks)
{
    public async Task<ChatReply> AddRobotAsync(AddRobotCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Actor.Person is not { IsCoordinator: true })
        {
            return new ChatReply(turn.Texts.CoordinatorsOnly);
        }

        var office = await directory.FindOfficeAsync(command.OfficeName, cancellationToken);
        if (office is null)
        {
            var known = (await directory.OfficesAsync(cancellationToken)).Select(o => o.Name);
            return new ChatReply(turn.Texts.UnknownOffice(command.OfficeName, known));
        }

        if (!webhooks.Allows(command.Url))
        {
            return new ChatReply(turn.Texts.RobotUrlNotAllowed(Security.RobotSecrets.MaskUrl(command.Url), webhooks.AllowedBases));
        }

        var kind = KindOf(command.Kind);
        var result = await robotAdministration.AddAsync(turn.Actor, office, kind, command.Url, command.Secret, cancellationToken);
        return new ChatReply(turn.Texts.RobotAdded(result.Subject, office.Name, kind, Security.RobotSecrets.MaskUrl(command.Url),
            command.Secret is null ? null : Security.RobotSecrets.Mask(command.Secret)));
    }

    /// <summary>The robot service a message named, as the robot registry knows it (the language engine has its own enum).</summary>
    private static Ledger.RobotKind KindOf(RobotService service) => service switch
    {
        RobotService.DingTalk => Ledger.RobotKind.DingTalk,
        RobotService.WeCom => Ledger.RobotKind.WeCom,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    public async Task<ChatReply> ListRobotsAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Actor.Person is not { IsCoordinator: true })
        {
            return new ChatReply(turn.Texts.CoordinatorsOnly);
        }

        var all = await robots.AllAsync(cancellationToken);
        var lines = all.Select(r => turn.Texts.RobotLine(r.Id, r.OfficeName, r.Kind, Security.RobotSecrets.MaskUrl(r.Url), r.Secret is not null, r.Source == "config"));
        return new ChatReply(string.Join("\n", lines.Prepend(turn.Texts.RobotsHeader(all.Count))));
    }

    public async Task<ChatReply> BindAsync(BindOfficeCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Actor.Person is not { IsCoordinator: true })
        {
            return new ChatReply(turn.Texts.CoordinatorsOnly);
        }

        if (!turn.Request.IsGroup)
        {
            return new ChatReply(turn.Texts.BindOnlyInGroup);
        }

        var office = await directory.FindOfficeAsync(command.OfficeName, cancellationToken);
        if (office is null)
        {
            var known = (await directory.OfficesAsync(cancellationToken)).Select(o => o.Name);
            return new ChatReply(turn.Texts.UnknownOffice(command.OfficeName, known));
        }

        var result = await administration.BindAsync(turn.Actor, office, cancellationToken);
        return new ChatReply(result.Outcome switch
        {
            ChangeOutcome.Changed => turn.Texts.Bound(office.Name),
            ChangeOutcome.AlreadyInState => turn.Texts.AlreadyBound(office.Name),
            _ => turn.Texts.CoordinatorsOnly,
        });
    }

    public async Task<ChatReply> UnbindAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Actor.Person is not { IsCoordinator: true })
        {
            return new ChatReply(turn.Texts.CoordinatorsOnly);
        }

        var result = await administration.BindAsync(turn.Actor, null, cancellationToken);
        return new ChatReply(result.Outcome == ChangeOutcome.Changed ? turn.Texts.Unbound : turn.Texts.NotBound);
    }

    public async Task<ChatReply> LinkAsync(LinkAccountCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Actor.Person is not { IsCoordinator: true })
        {
            return new ChatReply(turn.Texts.CoordinatorsOnly);
        }

        var person = await directory.FindPersonByNameAsync(command.PersonName, cancellationToken);
        if (person is null)
        {
            return new ChatReply(turn.Texts.UnknownPerson(command.PersonName));
        }

        var result = await administration.LinkAccountAsync(turn.Actor, person, command.AccountId, cancellationToken);
        return new ChatReply(result.Outcome == ChangeOutcome.AlreadyInState
            ? turn.Texts.AlreadyLinked(command.AccountId, person)
            : turn.Texts.Linked(command.AccountId, person));
    }

    public async Task<ChatReply> SubscribeAsync(SubscribeCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Actor.Person is null)
        {
            return new ChatReply(turn.Texts.UnknownAccount(turn.Actor.AccountId));
        }

        if (turn.Request.IsGroup)
        {
            return new ChatReply(turn.Texts.SubscribeInPersonalChatOnly);
        }

        var result = await administration.SubscribeAsync(turn.Actor, command.Subscribe, cancellationToken);
        var name = turn.Actor.Person.Name;
        return new ChatReply((command.Subscribe, result.Outcome) switch
        {
            (true, ChangeOutcome.Changed) => turn.Texts.Subscribed(name),
            (true, _) => turn.Texts.AlreadySubscribed(name),
            (false, ChangeOutcome.Changed) => turn.Texts.Unsubscribed,
            _ => turn.Texts.NotSubscribed,
        });
    }

    public static ChatReply WhoAmI(ChatTurn turn) =>
        new(turn.Texts.WhoAmI(turn.Actor.AccountId, turn.Actor.Person, turn.BoundOffice?.OfficeName));
}
