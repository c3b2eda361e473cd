using System.Globalization;
using System.Text.RegularExpressions;
using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Understanding;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// Turns the model's untrusted reading into commands the bot may offer: every code, office and person
/// must be one of the candidates found in the message (so one the ledger holds); dates must be real
/// days in a sensible range; a change must be one the person may make; and each command's text must
/// read back, through the rules, as exactly that command — the text a button sends is then an ordinary
/// message, read and checked again like any other when it is tapped.
/// </summary>
public static partial class ModelReadingCheck
{
    /// <summary>Longer reasons are not what a person writes in a chat; a long one is more likely text the model was fed.</summary>
    public const int MaxReasonLength = 40;

    /// <summary>Why nothing is offered when the model itself found no reading (intent none, or no readings).</summary>
    public const string NoReading = "no reading";

    public static ModelVerdict Check(ModelAnswer? answer, ModelCandidates candidates, ModelCheckContext context)
    {
        if (answer?.Readings is not { } readings || readings.Count > ModelAnswerSchema.MaxReadings)
        {
            return ModelVerdict.Refuse("invalid: not the schema");
        }

        var accepted = new List<ChatCommand>();
        string? refused = null;
        foreach (var reading in readings)
        {
            if (reading.Intent is null || !ModelIntents.All.Any(i => i.Intent == reading.Intent))
            {
                return ModelVerdict.Refuse($"invalid: intent '{Cut(reading.Intent)}'");
            }

            if (reading.Intent == ModelIntents.None)
            {
                continue;
            }

            var (command, why) = ToCommand(reading, candidates, context);
            why ??= command is null ? null : Permission(command, context) ?? ReadsBack(command, context);
            if (why is not null || command is null)
            {
                refused ??= $"{reading.Intent}: {why}";
                continue;
            }

            accepted.Add(command);
        }

        accepted = accepted.DistinctBy(context.Texts.CommandText).ToList();
        return accepted.Count > 0 ? new ModelVerdict(accepted, null) : ModelVerdict.Refuse(refused ?? NoReading);
    }

    private static (ChatCommand? Command, string? Why) ToCommand(ModelReadingItem r, ModelCandidates candidates, ModelCheckContext context)
    {
        var language = context.Language;
        string? code = null;
        if (r.Intent is ModelIntents.Done or ModelIntents.Extend or ModelIntents.Handover or ModelIntents.Detail)
        {
            code = candidates.Code(r.Code);
            if (code is null)
            {
                return (null, $"unknown code '{Cut(r.Code)}'");
            }
        }

        string? office = null;
        if (!string.IsNullOrWhiteSpace(r.Office) && r.Intent is ModelIntents.Due or ModelIntents.Overdue or ModelIntents.OfficeTasks or ModelIntents.Handover)
        {
            office = candidates.Office(r.Office);
            if (office is null)
            {
                return (null, $"unknown office '{Cut(r.Office)}'");
            }
        }

        switch (r.Intent)
        {
            case ModelIntents.Done:
                return (new DoneCommand(code!, null, language), null);
            case ModelIntents.Detail:
                return (new DetailCommand(code!, language), null);
            case ModelIntents.Extend:
                if (Day(r.To) is not { } newDue || newDue <= context.Today || newDue > context.Today.AddYears(1))
                {
                    return (null, $"invalid date '{Cut(r.To)}'");
                }

                if (Reason(r.Reason, context.Names) is { Refused: { } badReason })
                {
                    return (null, badReason);
                }

                return (new ExtendCommand(code!, newDue, Reason(r.Reason, context.Names).Text, language), null);
            case ModelIntents.Handover:
                var to = candidates.Person(r.Person) ?? office;
                return to is null ? (null, $"unknown person '{Cut(r.Person)}'") : (new ReassignCommand(code!, to, language), null);
            case ModelIntents.Due:
                if (Day(r.From) is not { } from || Day(r.To) is not { } until || until < from || until.DayNumber - from.DayNumber > 366)
                {
                    return (null, $"invalid dates '{Cut(r.From)}'..'{Cut(r.To)}'");
                }

                return (new DueCommand(new DateWindow(from, until), false, language) { OfficeName = office }, null);
            case ModelIntents.Overdue:
                return (new OverdueCommand(false, language) { OfficeName = office }, null);
            case ModelIntents.OfficeTasks:
                return office is null ? (null, "office missing") : (new OfficeTasksCommand(office, language), null);
            case ModelIntents.Mine:
                return (new MineCommand(language), null);
            case ModelIntents.Progress:
                return (new ProgressCommand(language), null);
            default:
                return (null, "invalid intent");
        }
    }

    /// <summary>The same rules the handlers apply, so that a button the person may not use (or that can only fail) is never shown.</summary>
    private static string? Permission(ChatCommand command, ModelCheckContext context)
    {
        if (!ChangeCommands.IsChange(command))
        {
            return null;
        }

        if (context.Person is not { } person)
        {
            return "forbidden: the account speaks for no one";
        }

        var code = command switch { DoneCommand d => d.Code, ExtendCommand e => e.Code, ReassignCommand r => r.Code, _ => null };
        if (code is null || context.Task(code) is not { } task)
        {
            return $"unknown code '{code}'";
        }

        var allowed = command switch
        {
            DoneCommand => Permissions.CanChange(person, task) && !task.IsDone,
            ExtendCommand => person.IsCoordinator || person.OfficeId == task.LeadOfficeId,
            ReassignCommand => person.IsCoordinator || (person.Role == Roles.Lead && person.OfficeId == task.LeadOfficeId),
            _ => false,
        };
        if (!allowed)
        {
            return $"forbidden: {person.OfficeName} may not change {code}";
        }

        // The handler would refuse it (新的截止日期须晚于…): a button that can only fail is not offered.
        return command is ExtendCommand extend && extend.NewDueOn <= task.DueOn ? $"invalid date: {extend.NewDueOn:yyyy-MM-dd} is not after {code}'s deadline" : null;
    }

    /// <summary>The command's text, read by the rules, must come back as the same command: what the button sends is what was checked.</summary>
    private static string? ReadsBack(ChatCommand command, ModelCheckContext context)
    {
        var text = context.Texts.CommandText(command);
        var reread = MessageUnderstanding.Understand(text, context.Today, context.Language, context.Names);
        return reread.GetType() == command.GetType() && context.Texts.CommandText(reread) == text ? null : "does not read back as the command";
    }

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>The person's reason, one short line naming no task: a reason is not a place for more commands.</summary>
    private static (string? Text, string? Refused) Reason(string? reason, LedgerNames names)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return (null, null);
        }

        var text = reason.Trim();
        if (text.Length > MaxReasonLength || text.Any(char.IsControl))
        {
            return (null, "reason too long or not one line");
        }

        var read = TextNormalizer.Normalize(text).Text;
        return CodeShaped().IsMatch(read) || names.Codes.Find(read, new bool[read.Length]).Count > 0 ? (null, "reason names a task") : (text, null);
    }

    [GeneratedRegex(TaskCodes.NotAfterAWord + TaskCodes.Pattern)]
    private static partial Regex CodeShaped();

    private static string Cut(string? text) => text is null ? "" : text.Length > 30 ? text[..30] + "…" : text;
}
