using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding;

/// <summary>
/// Understands one chat message as the <see cref="ChatCommand"/> it asks for. Pure and fast: the
/// ledger's names, today and the default language are arguments; no I/O, no clock.
/// </summary>
public static class MessageUnderstanding
{
    public static ChatCommand Understand(string? message, DateOnly today, ReplyLanguage defaultLanguage, LedgerNames names)
    {
        var findings = FindingsReader.Read(message, today, defaultLanguage, names);
        if (SoundsRight(findings, names) is { } corrected)
        {
            // 逾其 → 逾期, 完城 → 完成 are read as meant; but a change that only a guessed sound makes from a
            // character that means something to the reader (T017 弄晚了: "was late", or "done"?) is offered, not made.
            var asWritten = Read(findings, today, names);
            var asMeant = Read(FindingsReader.Read(findings.Source, corrected, today, defaultLanguage, names), today, names);
            // Read as written when that already says what the message asks (延期一周 needs no correction).
            if (ChangeCommands.IsChange(asWritten) || asMeant is UnknownCommand || (asMeant is DetailCommand && asWritten is not UnknownCommand))
            {
                return asWritten;
            }

            return ChangeCommands.IsChange(asMeant) && !OnlyMistyped(findings.Text, corrected) ? SecondReading.Offer(asMeant) : asMeant;
        }

        return Read(findings, today, names);
    }

    private static ChatCommand Read(Findings findings, DateOnly today, LedgerNames names)
    {
        if (findings.Text.Length == 0 || findings.Text == "?")
        {
            return new HelpCommand(findings.Language);
        }

        if (SeveralTasks.Read(findings, part => Understand(part, today, findings.Language, names)) is { } several)
        {
            return several;
        }

        var whole = IntentRules.Decide(findings) is { } command ? SecondReading.Confirm(command, findings)
            : SmallTalk.Read(findings) is { } smallTalk ? smallTalk
            : NotUnderstood(findings);
        return SeveralQuestions.Read(findings, whole, sentence => Understand(sentence, today, findings.Language, names)) ?? whole;
    }

    /// <summary>
    /// Whether every character the correction replaced means nothing to the reader (城 in 完城, 其 in 延其):
    /// a plain slip of the input method, not another word.
    /// </summary>
    private static bool OnlyMistyped(string typed, string corrected) =>
        Enumerable.Range(0, typed.Length).Where(i => typed[i] != corrected[i]).All(i => !SoundAlikes.ForGlossary.Knows(typed[i]));

    /// <summary>The message with words typed in another character of the same sound read as meant (逾其 → 逾期), or an English question word with a letter slipped (overdeu), or null.</summary>
    private static string? SoundsRight(Findings f, LedgerNames names)
    {
        var unexplained = Array.ConvertAll(f.Explained, e => !e);
        if (!Array.Exists(unexplained, u => u))
        {
            return null;
        }

        var byName = names.Sounds.Correct(f.Text, unexplained);
        var byWord = SoundAlikes.ForGlossary.Correct(byName ?? f.Text, unexplained);
        var byLetter = EnglishSlips.Correct(byWord ?? byName ?? f.Text, unexplained);
        return byLetter ?? byWord ?? byName;
    }

    /// <summary>The closest commands, as buttons: a near-miss of a command word, what the message did name, then the common questions.</summary>
    private static UnknownCommand NotUnderstood(Findings f)
    {
        var suggestions = new List<ChatCommand>();
        if (CommandSuggestions.Closest(f.Text) is { } near && IntentRules.Decide(FindingsReader.Read(near, f.Today, f.Language, LedgerNames.Empty)) is { } command)
        {
            suggestions.Add(command with { Language = f.Language });
        }

        if (f.Date?.Window is { } window)
        {
            suggestions.Add(new DueCommand(window, false, f.Language));
        }

        if (f.OfficeName is { } office)
        {
            suggestions.Add(new OfficeTasksCommand(office, f.Language));
        }

        suggestions.Add(new DueCommand(IntentRules.ThisWeek(f.Today), false, f.Language));
        suggestions.Add(new OverdueCommand(false, f.Language));
        suggestions.Add(new MineCommand(f.Language));
        return new UnknownCommand(f.Source, suggestions.Distinct().Take(3).ToList(), f.Language);
    }
}
