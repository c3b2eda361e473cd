using System.Globalization;
using CampaignBot.Chat;
using CampaignBot.Understanding.Commands;
using CampaignBot.Understanding;
using CampaignBot.Ledger;
using CampaignBot.Seeding;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>One labelled utterance of corpus.txt.</summary>
public sealed record CorpusLine(int Number, string Text, string Expected, bool MustChangeNothing)
{
    public string Intent => Expected.Split(' ')[0];

    public bool IsChinese => Text.Any(c => c is >= '\u4e00' and <= '\u9fff') && !Text.Any(char.IsAsciiLetter)
        || Text.Count(c => c is >= '\u4e00' and <= '\u9fff') > Text.Count(char.IsAsciiLetter) / 4;
}

/// <summary>The corpus, the day it is written for, the sample ledger's names, and how a command is written in it.</summary>
public static class Corpus
{
    /// <summary>Monday 15 June 2026: the corpus's "today".</summary>
    public static readonly DateOnly Today = new(2026, 6, 15);

    public static readonly IReadOnlyList<Office> SampleOffices =
        SampleCampaign.Offices.Select(o => new Office { Name = o.Name, Aliases = o.Aliases, Kind = o.Kind }).ToList();

    public static readonly LedgerNames SampleNames = new(NamedOffices.Of(SampleOffices), SampleCampaign.People.Select(p => p.Name));

    public static IReadOnlyList<CorpusLine> Lines { get; } = Load();

    public static ChatCommand Understand(string text) => MessageUnderstanding.Understand(text, Today, ReplyLanguage.Chinese, SampleNames);

    private static List<CorpusLine> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Chat", "Understanding", "corpus.txt");
        return File.ReadAllLines(path)
            .Select((line, i) => (line, number: i + 1))
            .Where(l => l.line.Contains(" => ", StringComparison.Ordinal) && !l.line.StartsWith('#'))
            .Select(l =>
            {
                var keep = l.line.StartsWith("! ", StringComparison.Ordinal);
                var body = keep ? l.line[2..] : l.line;
                var at = body.LastIndexOf(" => ", StringComparison.Ordinal);
                return new CorpusLine(l.number, body[..at].Trim(), body[(at + 4)..].Trim(), keep);
            })
            .ToList();
    }

    /// <summary>A command written as the corpus writes it (see the head of corpus.txt).</summary>
    public static string Describe(ChatCommand command) => command switch
    {
        HelpCommand => "help",
        WhoAmICommand => "whoami",
        ProgressCommand => "progress",
        MineCommand m => m.PersonName is { } person ? $"mine person={person}" : "mine",
        ListRobotsCommand => "robots",
        UnbindCommand => "unbind",
        SubscribeCommand s => s.Subscribe ? "subscribe" : "unsubscribe",
        UnknownCommand => "unknown",
        InvalidCommand => "invalid",
        DueCommand due => $"due {Day(due.Window.From)}..{Day(due.Window.To)}" + Scope(due),
        OverdueCommand overdue => "overdue" + Scope(overdue),
        OfficeTasksCommand office => office.OfficeName is null ? "office" : $"office {office.OfficeName}",
        DetailCommand d => $"detail {d.Code}",
        DoneCommand d => $"done {d.Code}",
        ReopenCommand r => $"reopen {r.Code}",
        ExtendCommand { ByDays: { } days } x => $"extend {x.Code} +{days}d",
        ExtendCommand x => $"extend {x.Code} {Day(x.NewDueOn)}",
        DecideExtensionCommand d => $"{(d.Approve ? "approve" : "reject")} {d.RequestId}",
        ReassignCommand r => $"reassign {r.Code} {r.To}",
        SnoozeCommand s => $"snooze {s.Code} {Day(s.Day)}",
        BindOfficeCommand b => $"bind {b.OfficeName}",
        LinkAccountCommand l => $"link {l.PersonName} {l.AccountId}",
        AddRobotCommand r => $"robot {r.OfficeName} {(r.Kind == RobotService.DingTalk ? "dingtalk" : "wecom")}",
        ListEvidenceCommand e => $"evidence {e.Code}",
        AddEvidenceCommand e => $"addevidence {e.Code}",
        WithdrawEvidenceCommand w => $"withdraw {w.EvidenceId}",
        ReportCommand => "report",
        PendingExtensionsCommand => "pending",
        ClarifyCommand c => "ask " + string.Join(" | ", c.Readings.Select(Describe)),
        OfferCommand o => Describe(o.Answer),
        SeveralCommand s => string.Join(" ; ", s.Commands.Select(Describe)),
        SmallTalkCommand => "smalltalk",
        _ => command.GetType().Name,
    };

    /// <summary>
    /// Every true description of the reply: an answered question with the change offered as a button
    /// reads as "detail X", as "ask detail X | done X" and as "ask done X | detail X"; several tasks
    /// as each one's, joined by " ; "; an extension by a week, where the deadline is known, as the day.
    /// </summary>
    public static IEnumerable<string> Descriptions(ChatCommand command, Func<string, DateOnly?>? deadline = null) => command switch
    {
        OfferCommand o => Descriptions(o.Answer, deadline).Concat([
            "ask " + string.Join(" | ", new[] { o.Answer }.Concat(o.Offers).Select(c => Descriptions(c, deadline).First())),
            "ask " + string.Join(" | ", o.Offers.Append(o.Answer).Select(c => Descriptions(c, deadline).First()))]),
        SeveralCommand s => s.Commands.Select(c => Descriptions(c, deadline).ToList())
            .Aggregate((IEnumerable<string>)[""], (acc, next) => acc.SelectMany(a => next.Select(n => a.Length == 0 ? n : a + " ; " + n))),
        ExtendCommand { ByDays: { } days } x when deadline?.Invoke(x.Code) is { } due =>
            [$"extend {x.Code} {Day(due.AddDays(days))}", $"extend {x.Code} {Day(NextWeekday(due.AddDays(days)))}", Describe(x)],
        // The handler moves a reminder or a deadline off a rest day (Reminders/RestDayTests): 过三天 on a Wednesday is Monday.
        SnoozeCommand s => [Describe(s), Describe(s with { Day = NextWeekday(s.Day) })],
        ExtendCommand x => [Describe(x), Describe(x with { NewDueOn = NextWeekday(x.NewDueOn) })],
        _ => [Describe(command)],
    };

    private static DateOnly NextWeekday(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    /// <summary>A command that would change the ledger, a chat or a person's settings.</summary>
    public static bool Changes(ChatCommand command) => ChangeCommands.IsChange(command);

    public static string Day(DateOnly day) => day.Year == Today.Year
        ? day.ToString("MM-dd", CultureInfo.InvariantCulture)
        : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Scope(ScopedCommand command) =>
        (command.WholeCampaign ? " all" : "") + (command.OfficeName is { } office ? $" office={office}" : command.OwnOffice ? " office=own" : "") + (command.Mine ? " mine" : "")
        + (command.PersonName is { } person ? $" person={person}" : "");
}
