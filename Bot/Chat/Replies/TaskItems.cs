using CampaignBot.Chat.Handlers;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.Replies;

/// <summary>How a task appears in a reply: code and title, office, deadline and state as parts, then buttons.</summary>
public static class TaskItems
{
    /// <summary>Enough to read at a glance in a group chat; the rest is counted in the footer.</summary>
    public const int MaxListed = 15;

    public static ReplyItem Item(LedgerTask task, ChatTurn turn, string? body = null) => Item(task, turn.Texts, turn.Today, body);

    public static ReplyItem Item(LedgerTask task, ReplyTexts texts, DateOnly today, string? body = null)
    {
        var office = task.LeadOfficeName + (task.CoOfficeNames.Length > 0 ? texts.CoOffices(task.CoOfficeNames) : "");
        // The detail itself offers no 详情 button.
        var detail = body is null ? new[] { new ReplyAction(texts.DetailButton, texts.DetailCommand(task.Code)) } : [];
        var buttons = task.IsDone
            ? [.. detail, new ReplyAction(texts.ReopenButton, texts.ReopenCommand(task.Code))]
            : new[] { new ReplyAction(texts.DoneButton, texts.DoneCommand(task.Code)) }.Concat(detail).ToArray();
        return new ReplyItem($"{task.Code} {task.Title}", buttons)
        {
            Code = task.Code,
            Office = office,
            Due = texts.Date(task.DueOn, today),
            State = State(task, texts, today),
            Lines = body?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [],
        };
    }

    /// <summary>Done, or the days left; overdue asks for attention, due today is a warning.</summary>
    public static ReplyState State(LedgerTask task, ReplyTexts texts, DateOnly today)
    {
        if (task.IsDone)
        {
            return new ReplyState(texts.DoneState, ReplyTone.Done);
        }

        var daysLeft = task.DueOn.DayNumber - today.DayNumber;
        return new ReplyState(texts.Remaining(daysLeft), daysLeft switch { < 0 => ReplyTone.Attention, 0 => ReplyTone.Warning, _ => ReplyTone.Plain });
    }

    /// <summary>A list reply: header, up to <see cref="MaxListed"/> tasks in deadline order, and how many more.</summary>
    public static ChatReply List(string header, IReadOnlyList<LedgerTask> tasks, ChatTurn turn) => List(header, tasks, turn.Texts, turn.Today);

    public static ChatReply List(string header, IReadOnlyList<LedgerTask> tasks, ReplyTexts texts, DateOnly today) => new(header)
    {
        Items = tasks.Take(MaxListed).Select(t => Item(t, texts, today)).ToList(),
        Footer = tasks.Count > MaxListed ? texts.More(tasks.Count - MaxListed) : null,
    };

    /// <summary>The recurring duties' lines of a progress answer or report (nothing when there are none).</summary>
    public static IEnumerable<string> SeriesLines(IReadOnlyList<SeriesProgress> series, ReplyTexts texts) =>
        series.Count == 0 ? [] : series.Select(texts.SeriesLine).Prepend(texts.SeriesHeader);
}
