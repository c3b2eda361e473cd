using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Chat.Handlers;

/// <summary>Answers questions about the ledger: what is due, overdue, mine, an office's, one task, progress.</summary>
public sealed class QueryHandler(TaskRepository tasks, EvidenceRepository evidence, ExtensionRequests extensions, DirectoryRepository directory, CampaignClock clock)
{
    public async Task<ChatReply> DueAsync(DueCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (command.Mine || command.PersonName is not null)
        {
            return await OwnedDueAsync(command, turn, cancellationToken);
        }

        var (scope, refusal) = await ScopeOfAsync(command, turn, cancellationToken);
        if (scope is null)
        {
            return refusal!;
        }

        var due = await tasks.OpenDueBetweenAsync(command.Window.From, command.Window.To, scope, cancellationToken);
        var window = turn.Texts.Window(command.Window, turn.Today);
        var scopeName = turn.Texts.Scope(scope);
        return due.Count == 0
            ? new ChatReply(turn.Texts.NothingDue(window, scopeName))
            : TaskItems.List(turn.Texts.DueHeader(window, scopeName, due.Count), due, turn);
    }

    /// <summary>我这周有什么要交的, 孙丽这周有什么要交的: the open tasks the asker (or the person named) owns, due in the window.</summary>
    private async Task<ChatReply> OwnedDueAsync(DueCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var window = turn.Texts.Window(command.Window, turn.Today);
        return await OwnedAsync(command.PersonName, turn, t => t.DueOn >= command.Window.From && t.DueOn <= command.Window.To,
            name => turn.Texts.NothingDue(window, name), (name, count) => turn.Texts.DueHeader(window, name, count), cancellationToken);
    }

    /// <summary>The open tasks the asker (or the person named) owns that <paramref name="which"/> keeps, as a list.</summary>
    private async Task<ChatReply> OwnedAsync(
        string? personName, ChatTurn turn, Func<LedgerTask, bool> which, Func<string, string> nothing, Func<string, int, string> header, CancellationToken cancellationToken)
    {
        var (owner, refusal) = await OwnerAsync(personName, turn, cancellationToken);
        if (owner is null)
        {
            return refusal!;
        }

        var owned = (await tasks.OpenOwnedByAsync(owner.Id, cancellationToken)).Where(which).ToList();
        return owned.Count == 0 ? new ChatReply(nothing(owner.Name)) : TaskItems.List(header(owner.Name, owned.Count), owned, turn);
    }

    public async Task<ChatReply> OverdueAsync(OverdueCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (command.Mine || command.PersonName is not null)
        {
            // 我有没有逾期的, 孙丽超期的有哪些: the overdue tasks the asker (or the person named) owns.
            return await OwnedAsync(command.PersonName, turn, t => t.DueOn < turn.Today, turn.Texts.NothingOverdue, turn.Texts.OverdueHeader, cancellationToken);
        }

        var (scope, refusal) = await ScopeOfAsync(command, turn, cancellationToken);
        if (scope is null)
        {
            return refusal!;
        }

        var overdue = await tasks.OverdueAsync(turn.Today, scope, cancellationToken);
        var scopeName = turn.Texts.Scope(scope);
        return overdue.Count == 0
            ? new ChatReply(turn.Texts.NothingOverdue(scopeName))
            : TaskItems.List(turn.Texts.OverdueHeader(scopeName, overdue.Count), overdue, turn);
    }

    public async Task<ChatReply> MineAsync(MineCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var (person, refusal) = await OwnerAsync(command.PersonName, turn, cancellationToken);
        if (person is null)
        {
            return refusal!;
        }

        var mine = await tasks.OpenOwnedByAsync(person.Id, cancellationToken);
        return mine.Count == 0
            ? new ChatReply(turn.Texts.NothingMine(person.Name))
            : TaskItems.List(turn.Texts.MineHeader(person.Name, mine.Count), mine, turn);
    }

    /// <summary>Whose tasks a question is about: the person named, or the asker (who must be known to the ledger).</summary>
    private async Task<(Person? Person, ChatReply? Refusal)> OwnerAsync(string? name, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            return turn.Actor.Person is { } asker ? (asker, null) : (null, new ChatReply(turn.Texts.UnknownAccount(turn.Actor.AccountId)));
        }

        var named = await directory.FindPersonByNameAsync(name, cancellationToken);
        return named is null ? (null, new ChatReply(turn.Texts.UnknownAccount(name))) : (named, null);
    }

    public async Task<ChatReply> OfficeAsync(OfficeTasksCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var (scope, refusal) = await OfficeScopeAsync(command.OfficeName, turn, cancellationToken);
        if (scope is null)
        {
            return refusal!;
        }

        var open = await tasks.OpenInScopeAsync(scope, cancellationToken);
        return open.Count == 0
            ? new ChatReply(turn.Texts.NothingForOffice(scope.OfficeName!))
            : TaskItems.List(turn.Texts.OfficeHeader(scope.OfficeName!, open.Count), open, turn);
    }

    public async Task<ChatReply> DetailAsync(DetailCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var task = await tasks.FindByCodeAsync(command.Code, cancellationToken);
        if (task is null)
        {
            return new ChatReply(turn.Texts.TaskNotFound(command.Code));
        }

        var kept = await evidence.ForTaskAsync(task.Id, cancellationToken);
        var pending = await extensions.PendingForTaskAsync(task.Id, cancellationToken);
        var body = turn.Texts.DetailBody(task, kept, pending, turn.Today, clock.Zone);
        return new ChatReply(string.Empty) { Items = [TaskItems.Item(task, turn, body)] };
    }

    public async Task<ChatReply> ProgressAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var offices = await tasks.ProgressByLeadOfficeAsync(turn.Today, cancellationToken);
        if (offices.Count == 0)
        {
            return new ChatReply(turn.Texts.NoTasks);
        }

        var header = turn.Texts.ProgressHeader(turn.Today, offices.Sum(o => o.Done), offices.Sum(o => o.Total), offices.Sum(o => o.Overdue));
        var lines = offices.OrderByDescending(o => o.Overdue).ThenBy(o => o.OfficeId).Select(turn.Texts.ProgressLine).ToList();
        lines.AddRange(TaskItems.SeriesLines(await tasks.ProgressBySeriesAsync(turn.Today, cancellationToken), turn.Texts));
        return new ChatReply(header + "\n" + string.Join("\n", lines));
    }

    /// <summary>The offices a due or overdue question covers: the one it names, the asker's own, or the default for the chat.</summary>
    private Task<(TaskScope? Scope, ChatReply? Refusal)> ScopeOfAsync(ScopedCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        command.OfficeName is not null || command.OwnOffice
            ? OfficeScopeAsync(command.OfficeName, turn, cancellationToken)
            : Task.FromResult<(TaskScope?, ChatReply?)>((turn.DefaultScope(command.WholeCampaign), null));

    /// <summary>The office named (by name or alias), or the asker's own when none is; else the reply that says why not.</summary>
    private async Task<(TaskScope? Scope, ChatReply? Refusal)> OfficeScopeAsync(string? officeName, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (officeName is null)
        {
            return turn.OwnOffice is { } own ? (own, null) : (null, new ChatReply(turn.Texts.NoOfficeKnown));
        }

        var office = await directory.FindOfficeAsync(officeName, cancellationToken);
        if (office is null)
        {
            var known = (await directory.OfficesAsync(cancellationToken)).Select(o => o.Name);
            return (null, new ChatReply(turn.Texts.UnknownOffice(officeName, known)));
        }

        return (TaskScope.ForOffice(office), null);
    }
}
