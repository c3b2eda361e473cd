using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding;

/// <summary>
/// A change needs two readings to agree: the rules (<see cref="IntentRules"/>) that read it, and
/// <see cref="StatementCheck"/>, which reads the sentence around its change word for anything that
/// makes it other than a plain report or order. When they disagree the change is only offered.
/// </summary>
public static class SecondReading
{
    public static ChatCommand Confirm(ChatCommand command, Findings f)
    {
        // 赵敏说T035可能要延期, heard JK-01 got pushed to January?: a change without what it needs, not even
        // stated: the task is what was asked about.
        // T035 估计得延期了, T020 推迟这事领导还没表态: an estimate or a denial of a change without what it needs: the task too.
        if (command is InvalidCommand or UnknownCommand && f.Code is { } code && UnfinishedChange(f) is { } unfinished
            && (StatementCheck.Read(f.Text, (unfinished.Start, unfinished.End), f.Opaque, isRequest: true) != StatementReading.Plain
                || f.Cues.Any(c => c.Value == Cue.Modal && c.End <= unfinished.Start) || f.Has(Cue.Negation)))
        {
            return new DetailCommand(code, command.Language);
        }

        // 孙丽说她T013已经交了: the two readings (show it, mark it done) stand only where the words plainly report it.
        if (command is ClarifyCommand { Readings: [DetailCommand detail, DoneCommand done] } && f.Last(Cue.WeakDone) is { } weak
            && StatementCheck.Read(f.Text, (weak.Start, weak.End), f.Opaque, aheadDate: AheadDate(f)) != StatementReading.Plain)
        {
            return new OfferCommand(detail, [done], command.Language);
        }

        if (ChangeWord(command, f) is not { } word)
        {
            return command;
        }

        var isRequest = command is ExtendCommand or ReassignCommand or SnoozeCommand or ReopenCommand or AddEvidenceCommand;
        var reading = StatementCheck.Read(f.Text, (word.Start, word.End), f.Opaque, isRequest, AheadDate(f));
        if (command is DoneCommand && f.Cues.FirstOrDefault(c => c.Value == Cue.Done) is { Length: > 0 } first && first.Start != word.Start)
        {
            // 1.2 done, 例会制度文件已印发: the report is the first done word; a later one may speak of a part of it,
            // but may not deny, doubt, condition or plan it.
            var later = reading;
            reading = StatementCheck.Read(f.Text, (first.Start, first.End), f.Opaque, false, AheadDate(f));
            if (later is not (StatementReading.Plain or StatementReading.Partial or StatementReading.NotAVerb))
            {
                reading = later;
            }
        }

        var asked = reading is StatementReading.Question or StatementReading.Intended && IsFavourAsked(command, f);
        return reading == StatementReading.Plain || asked ? command : new OfferCommand(AnswerFor(command), [command], command.Language);
    }

    /// <summary>
    /// A favour asked, not a question: can you remind me on the 14th? (the reminder is the writer's own),
    /// can we push T017 to 12/24? (a request the coordinators decide on). Either is undone in one tap.
    /// </summary>
    public static bool IsFavourAsked(ChatCommand change, Findings f) =>
        (change is SnoozeCommand && f.IsPoliteRequest) || (change is ExtendCommand && f.AsksLeave);

    /// <summary>The change offered as a button beside what answers it; a change of several tasks, each offered.</summary>
    public static ChatCommand Offer(ChatCommand change) => change is SeveralCommand several
        ? several with { Commands = several.Commands.Select(c => ChangeCommands.IsChange(c) ? Offer(c) : c).ToList() }
        : new OfferCommand(AnswerFor(change), [change], change.Language);

    /// <summary>What to answer instead: the task asked about, or the help.</summary>
    private static ChatCommand AnswerFor(ChatCommand change) => change switch
    {
        DoneCommand c => new DetailCommand(c.Code, change.Language),
        ReopenCommand c => new DetailCommand(c.Code, change.Language),
        ExtendCommand c => new DetailCommand(c.Code, change.Language),
        ReassignCommand c => new DetailCommand(c.Code, change.Language),
        SnoozeCommand c => new DetailCommand(c.Code, change.Language),
        DecideExtensionCommand => new PendingExtensionsCommand(change.Language),
        AddEvidenceCommand c => new ListEvidenceCommand(c.Code, change.Language),
        _ => new HelpCommand(change.Language),
    };

    /// <summary>
    /// The date found, when all of it lies after today and it is a day or a week (下周, 明天, 12月20日): what
    /// a plan names. A quarter or a year is more often a report's subject (第三季度进展报告).
    /// </summary>
    /// <remarks>Not when the message says it was done ahead of that day (周四的学习今天提前学了).</remarks>
    private static (int Start, int End)? AheadDate(Findings f) =>
        f.Date is { Window: { } window } date && window.From > f.Today && window.To.DayNumber - window.From.DayNumber <= 6
            && !f.Text.Contains("提前", StringComparison.Ordinal) && !f.Text.Contains("ahead of", StringComparison.Ordinal)
            ? (date.Start, date.End) : null;

    private static PhraseHit<Cue>? UnfinishedChange(Findings f) =>
        f.Cues.LastOrDefault(c => c.Value is Cue.Extend or Cue.Snooze or Cue.Reassign or Cue.Reopen or Cue.Done) is { Length: > 0 } hit ? hit : null;

    /// <summary>Where the word that names the change stands; null for what is not a change read from words.</summary>
    private static PhraseHit<Cue>? ChangeWord(ChatCommand command, Findings f) => command switch
    {
        DoneCommand => f.Last(Cue.Done),
        ReopenCommand => f.Last(Cue.Reopen),
        ExtendCommand => f.Last(Cue.Extend),
        ReassignCommand => f.Last(Cue.Reassign),
        SnoozeCommand => f.Last(Cue.Snooze),
        AddEvidenceCommand => f.Last(Cue.AddEvidence),
        WithdrawEvidenceCommand => f.Last(Cue.Withdraw) ?? f.Last(Cue.Reopen),
        DecideExtensionCommand d => f.Last(d.Approve ? Cue.Approve : Cue.Reject),
        _ => null,
    };
}
