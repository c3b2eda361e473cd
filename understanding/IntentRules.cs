using System.Text.RegularExpressions;
using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding;

/// <summary>
/// Decides what a message asks for from what was found in it. Changes come first but only from
/// statements: a question or a denial about a change is answered with the task (or the bot asks);
/// two readings make the bot ask. Then the questions, most specific first.
/// </summary>
public static partial class IntentRules
{
    public static ChatCommand? Decide(Findings f) =>
        AskedAboutSetting(f, SettingOf(f))
        ?? (f.Code is not null ? TaskCommandOf(f) : null)
        ?? QuestionOf(f);

    /// <summary>
    /// A setting asked about (怎么订阅提醒, 可以解绑吗, how do I unsubscribe?) is not done: the bot offers it
    /// beside the help, or only the help when the question lacks what the setting needs.
    /// </summary>
    private static ChatCommand? AskedAboutSetting(Findings f, ChatCommand? setting) => setting switch
    {
        null => null,
        _ when !f.IsQuestion => setting,
        UnbindCommand or SubscribeCommand => new ClarifyCommand([setting, new HelpCommand(f.Language)], f.Language),
        BindOfficeCommand when f.OfficeName is not null => new ClarifyCommand([setting, new HelpCommand(f.Language)], f.Language),
        _ => new HelpCommand(f.Language),
    };

    /// <summary>Coordinators' and personal settings: robots, accounts, chat binding, subscriptions, extension decisions.</summary>
    private static ChatCommand? SettingOf(Findings f)
    {
        var language = f.Language;
        if (f.Has(Cue.Robot) && f.Url is { } url)
        {
            var office = f.OfficeName ?? WordBefore(f, Cue.DingTalk, Cue.WeCom) ?? "";
            var kind = f.Has(Cue.DingTalk) || (!f.Has(Cue.WeCom) && url.Url.Contains("dingtalk", StringComparison.OrdinalIgnoreCase)) ? RobotService.DingTalk : RobotService.WeCom;
            var secret = f.After(url.End)?.Split(' ')[0];
            return new AddRobotCommand(office, kind, url.Url, secret, language);
        }

        if (f.Has(Cue.Link) && f.Code is null)
        {
            // A person the ledger knows, and the account beside it; else the command form 关联 NAME ACCOUNT.
            if (f.Person is { } person && Account(f) is { } account)
            {
                return new LinkAccountCommand(person.Value.Canonical, account, language);
            }

            if (LinkFallback().Match(f.Source) is { Success: true } link)
            {
                return new LinkAccountCommand(link.Groups["name"].Value.Trim(), link.Groups["account"].Value, language);
            }
        }

        if (f.Has(Cue.Unbind))
        {
            return new UnbindCommand(language);
        }

        if (f.Has(Cue.Bind) && f.Code is null && (f.OfficeName ?? WordAfter(f, Cue.Bind)) is { } bindTo)
        {
            return new BindOfficeCommand(bindTo, language);
        }

        if (f.Code is null && (f.Has(Cue.Unsubscribe) || f.Has(Cue.Subscribe)))
        {
            return new SubscribeCommand(!f.Has(Cue.Unsubscribe), language);
        }

        // 佐证材料怎么补充, can I withdraw evidence?: how, not a change.
        if (f.Code is null && f.IsQuestion && !Bids(f) && f.Has(Cue.Evidence) && (f.Has(Cue.AddEvidence) || f.Has(Cue.Withdraw) || f.Has(Cue.Reopen)))
        {
            return new HelpCommand(language);
        }

        // 撤回佐证 12, 佐证 12 传错了，撤回: a piece of evidence by its number (a question about it is not a withdrawal).
        if (f.Code is null && f.Number is { } piece && (f.Has(Cue.Withdraw) || (f.Has(Cue.Evidence) && f.Has(Cue.Reopen))))
        {
            // 别撤回佐证 12, don't withdraw evidence 12: nothing to do.
            var denied = f.Cues.Any(c => c.Value is Cue.Withdraw or Cue.Reopen && f.IsNegated(c));
            return (f.IsQuestion && !Bids(f)) || denied ? new HelpCommand(language) : new WithdrawEvidenceCommand(piece.Value, language);
        }

        if (f.Code is null && f.Number is { } change && f.Has(Cue.Undo))
        {
            return new UndoCommand(change.Value, language);
        }

        // 同意4号, 6号那个不批: the request's number said as 号, which the date finder took for a day.
        var decided = f.Number ?? (f.Date is { Words: { } words } said && RequestNumber().Match(words) is { Success: true } n
            ? (long.Parse(n.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), said.End) : null);
        if (f.Code is null && decided is { } number && (f.Has(Cue.Approve) || f.Has(Cue.Reject)))
        {
            // 先别驳回第5个延期: nothing decided; the requests still waiting are what matters.
            if (f.Cues.Any(c => c.Value is Cue.Approve or Cue.Reject && f.IsNegated(c)))
            {
                return new PendingExtensionsCommand(language);
            }

            var lastCue = f.Cues.Where(c => c.Value is Cue.Approve or Cue.Reject or Cue.Extend).Max(c => c.End);
            return new DecideExtensionCommand(number.Value, !f.Has(Cue.Reject), f.After(Math.Max(number.End, lastCue)), language);
        }

        return null;
    }

    /// <summary>
    /// Done as the condition of something else: 再说, 通知我, once … anywhere; 等/等到 only before the task
    /// (等 T021 完成了), since after it 等 lists things (照片、名单等).
    /// </summary>
    private static bool IsCondition(Findings f, PhraseHit<Cue> done) =>
        f.Cues.Any(c => c.Value == Cue.Conditional
            && (!f.Text.AsSpan(c.Start, c.Length).StartsWith("等") || c.End <= f.Codes[0].End - f.Codes[0].Code.Length));

    /// <summary>A question that opens with 我 (not 我们): 我这周有什么要交的.</summary>
    private static bool SpeaksOfMe(string text) =>
        (text.StartsWith('我') && !text.StartsWith("我们", StringComparison.Ordinal))
        || EnglishAboutMe.Any(opener => text.StartsWith(opener, StringComparison.Ordinal));

    /// <summary>撤了吧, 删掉吧: a bid, not a guess; no question word or mark, only 吧 at the end.</summary>
    private static bool Bids(Findings f) =>
        f.Text.TrimEnd('。', '.', '!', '！', ' ', '~').EndsWith('吧') && !f.Text.Contains('?') && !f.Text.Contains('？') && !f.Has(Cue.Question);

    /// <summary>am I behind on anything?, have I missed anything?: the asker's own tasks.</summary>
    private static readonly string[] EnglishAboutMe = ["am i ", "have i ", "i'm ", "im ", "did i ", "do i "];

    /// <summary>A question that opens with 我们 or 咱们 (我们有没有逾期的): the asker's office.</summary>
    private static bool SpeaksOfUs(Findings f) =>
        f.OwnOffice || (f.ScopeOffice is null && f.Person is null && !f.Has(Cue.All) && (f.Text.StartsWith("我们", StringComparison.Ordinal) || f.Text.StartsWith("咱们", StringComparison.Ordinal)));

    /// <summary>Words that ask what evidence a task requires (its details), not what was handed in.</summary>
    private static readonly string[] EvidenceRequirementWords = ["需要", "要交", "要求", "应交", "应提供", "need", "required"];

    /// <summary>A message that names a task: a change when it says one plainly, else the task's details.</summary>
    private static ChatCommand TaskCommandOf(Findings f)
    {
        var code = f.Code!;
        var language = f.Language;
        var detail = new DetailCommand(code, language);
        if (f.Cues.Any(c => c.Value is Cue.Reopen or Cue.Extend or Cue.Reassign or Cue.Snooze && f.IsNegated(c)))
        {
            return detail;
        }

        // T017 的佐证有哪些, 佐证上传了没有: what was handed in. What is required (T017 需要哪些佐证) is in the details.
        if (f.Has(Cue.Evidence) && !f.Has(Cue.AddEvidence) && !f.Has(Cue.Done) && !EvidenceRequirementWords.Any(f.Text.Contains))
        {
            return new ListEvidenceCommand(code, language);
        }

        var change = ChangeOf(f, code);
        if (change is InvalidCommand or UnknownCommand)
        {
            return change;
        }

        if (change is DoneCommand)
        {
            var done = f.Last(Cue.Done)!.Value;
            if (f.IsQuestion || f.DoneIsDenied(done) || (f.Date is not null && (!f.IsPerfective(done) || f.Has(Cue.Until))) || IsCondition(f, done))
            {
                // Asked, denied, planned (done by Friday) or a condition (等 T021 完成了通知我): not a report.
                return detail;
            }

            if (f.Codes.Select(c => c.Code).Distinct().Count() > 1)
            {
                return new ClarifyCommand(f.Codes.Select(c => c.Code).Distinct().Select(c => (ChatCommand)new DoneCommand(c, null, language)).ToList(), language);
            }

            // A denial in the same clause as the done word (T021 完成了？没有吧) makes it a question; one elsewhere (C2 还在监测) does not.
            return f.Cues.Any(c => c.Value == Cue.Negation && SameClause(f.Text, c.Start, done.Start)) ? new OfferCommand(detail, [change], language) : change;
        }

        if (change is not null)
        {
            // is T021 being handed over?, 延期到7月15日了吗: answered, the change offered; 能不能延期到7月15日 asks leave.
            return f.IsQuestion && !SecondReading.IsFavourAsked(change, f) ? new OfferCommand(detail, [change], language) : change;
        }

        if (f.Has(Cue.WeakDone) && !f.IsQuestion)
        {
            return new ClarifyCommand([detail, new DoneCommand(code, null, language)], language);
        }

        // 完層 T021, dne T021: words that only look like a change; ask rather than guess.
        if (f.Residual.Length > 0 && !f.IsQuestion && CommandSuggestions.Closest(f.Text) is { } guess
            && MessageUnderstanding.Understand(guess, f.Today, language, LedgerNames.Empty) is var guessed && guessed is DoneCommand or ReopenCommand)
        {
            return new ClarifyCommand([detail, guessed with { Language = language }], language);
        }

        return detail;
    }

    /// <summary>The change a message about a task names, in order of how specific its words are; null when it names none.</summary>
    private static ChatCommand? ChangeOf(Findings f, string code)
    {
        var language = f.Language;
        // XC-01、XC-05都弄完了，照片补上了: reported done, the evidence words are its note.
        var reportedDone = f.Cues.Any(c => c.Value == Cue.Done && f.IsPerfective(c) && f.Last(Cue.AddEvidence) is { } add && c.End <= add.Start);
        if (f.Has(Cue.AddEvidence) && !f.IsQuestion && !reportedDone)
        {
            return new AddEvidenceCommand(code, f.After(Math.Max(f.Codes[0].End, f.Last(Cue.AddEvidence)!.Value.End)), language);
        }

        if (f.Has(Cue.Reopen))
        {
            return new ReopenCommand(code, f.After(Math.Max(f.Codes[0].End, f.Last(Cue.Reopen)!.Value.End)), language);
        }

        // 提醒一下大家：T013明天到期: the writer reminds others, nothing is asked of the bot.
        if (f.Has(Cue.Snooze) && !RemindsOthers(f))
        {
            return f.Date switch
            {
                { Error: { } error } date => new InvalidCommand(error, date.Words, language),
                { Day: { } day } date => SnoozeDay(day, date.IsWeekday, f.Today) is { } on
                    ? new SnoozeCommand(code, on, language)
                    : new InvalidCommand(InvalidInput.ImpossibleDate, date.Words, language),
                { } date => new InvalidCommand(InvalidInput.ImpossibleDate, date.Words, language),
                null => Incomplete(f, code),
            };
        }

        // T022往后推一周吧，年底献血车排不过来: the amount right after the word, not a date in the reason.
        if (f.Has(Cue.Extend) && RelativeDays(f) is { } amount && (f.Date is null || f.Date.Start >= amount.End))
        {
            return new ExtendCommand(code, default, f.After(amount.End, "理由是", "理由", "原因是", "原因", "because of", "because", "as"), language) { ByDays = amount.Days };
        }

        if (f.Has(Cue.Extend))
        {
            return f.Date switch
            {
                { Error: { } error } date => new InvalidCommand(error, date.Words, language),
                { Day: { } day } date => new ExtendCommand(code, day, f.After(date.End, "理由是", "理由", "原因是", "原因", "because of", "because", "as"), language),
                { } date => new InvalidCommand(InvalidInput.ImpossibleDate, date.Words, language),
                null => RelativeDays(f) is { } relative
                    ? new ExtendCommand(code, default, f.After(relative.End, "理由是", "理由", "原因是", "原因", "because of", "because", "as"), language) { ByDays = relative.Days }
                    : Incomplete(f, code),
            };
        }

        if (f.Has(Cue.Reassign) && ReassignIsMeant(f))
        {
            var fallback = ReassignFallback().Match(f.Source);
            var to = f.OfficeName ?? f.Person?.Value.Canonical ?? (fallback.Success ? fallback.Groups["to"].Value.Trim() : null);
            if (to is not null)
            {
                return new ReassignCommand(code, to, language);
            }
        }

        // The note is what follows the report's own word: 完成 T024 宣传资料已发放 keeps "宣传资料已发放" though 已发放 reports done too.
        if (f.Cues.FirstOrDefault(c => c.Value == Cue.Done) is { Length: > 0 } done)
        {
            return new DoneCommand(code, f.After(Math.Max(f.Codes[0].End, done.End)), language);
        }

        return null;
    }

    /// <summary>
    /// 转办, 转交, reassign … always name a hand-over; 给, 让, 由 only right before the office or person
    /// that is to take it, closing the sentence or followed by 办/负责/牵头 (T013 给行政组办, not T013 的材料给孙丽了).
    /// </summary>
    private static bool ReassignIsMeant(Findings f)
    {
        if (f.Cues.Any(c => c.Value == Cue.Reassign && !WeakReassignWords.Contains(f.Text.Substring(c.Start, c.Length))))
        {
            return true;
        }

        var target = f.Office ?? f.Person;
        return target is { } t
            && f.Cues.Any(c => c.Value == Cue.Reassign && c.End == t.Start)
            && WeakReassignEnd().IsMatch(f.Text[t.End..]);
    }

    private static readonly HashSet<string> WeakReassignWords = ["给", "让", "由"];

    [GeneratedRegex(@"^\s*(?:来)?(?:办理|办|负责|牵头|处理|承办)?\s*[。.!！]?\s*$")]
    private static partial Regex WeakReassignEnd();

    /// <summary>A reminder comes again on a later day within two months; 周五 said on a Saturday means next Friday.</summary>
    private static DateOnly? SnoozeDay(DateOnly day, bool weekday, DateOnly today)
    {
        if (weekday && day <= today)
        {
            day = day.AddDays(7);
        }

        // How far ahead a snooze may go is the handler's rule (Reminders:MaxSnoozeDays), with its own reply.
        return day > today ? day : null;
    }

    private static bool SameClause(string text, int a, int b)
    {
        var (from, to) = a < b ? (a, b) : (b, a);
        return text.AsSpan(from, to - from).IndexOfAny("，,。；;！!？?\n") < 0;
    }

    private static bool RemindsOthers(Findings f) =>
        f.Cues.Where(c => c.Value == Cue.Snooze).All(c => OthersAfterRemind().IsMatch(f.Text[c.End..]));

    [GeneratedRegex(@"^\s*(?:一下)?\s*(?:大家|各位|你们|同事们|同志们|all|everyone|everybody|the team)")]
    private static partial Regex OthersAfterRemind();

    /// <summary>往后延一周, 延两天, push it out by a week: how many days later than the task's own deadline.</summary>
    private static (int Days, int End)? RelativeDays(Findings f)
    {
        var m = RelativeAmount().Match(f.Text);
        if (!m.Success)
        {
            return null;
        }

        var n = m.Groups["n"].Value switch
        {
            "a" or "an" or "one" or "一" => 1,
            "two" or "两" or "二" => 2,
            "three" or "三" => 3,
            "four" or "四" => 4,
            "five" or "五" => 5,
            "six" or "六" => 6,
            "seven" or "七" => 7,
            "半" => 0,
            var digits => int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : 0,
        };
        var unit = m.Groups["u"].Value;
        var days = unit.StartsWith('月') || unit.StartsWith("month", StringComparison.Ordinal) ? n * 30
            : unit is "天" or "日" || unit.StartsWith("day", StringComparison.Ordinal) ? n
            : n == 0 ? 3 : n * 7;
        return days is > 0 and <= 366 ? (days, m.Index + m.Length) : null;
    }

    [GeneratedRegex(@"(?:延期|延长|延后|推迟|顺延|宽限|往后延|往后推|延|推|拖|挪)\s*(?<n>\d{1,3}|[一二两三四五六七半])\s*(?:个)?(?<u>天|日|周|星期|礼拜|月)|\b(?:by|for|another)\s+(?<n>a|an|one|two|three|four|five|six|seven|\d{1,3})\s+(?<u>days?|weeks?|months?)\b")]
    private static partial Regex RelativeAmount();

    /// <summary>A change without what it needs (延期 without a day): offer the task instead of guessing.</summary>
    private static UnknownCommand Incomplete(Findings f, string code) => new(f.Source, [new DetailCommand(code, f.Language)], f.Language);

    /// <summary>Questions about the ledger, when no task is named.</summary>
    private static ChatCommand? QuestionOf(Findings f)
    {
        var language = f.Language;
        // show me everything due next week for 机关党委: an office named narrows "everything" to it.
        var whole = f.Has(Cue.All) && f.ScopeOffice is null;
        if (f.Has(Cue.Help))
        {
            return new HelpCommand(language);
        }

        if (f.Has(Cue.WhoAmI))
        {
            return new WhoAmICommand(language);
        }

        if (f.Has(Cue.Robot))
        {
            return new ListRobotsCommand(language);
        }

        if (f.Has(Cue.Pending))
        {
            return new PendingExtensionsCommand(language);
        }

        // 本周通报, this week's report; 通报一下进度 and 通报材料 (要上报的通报材料) are other questions.
        if (f.Has(Cue.Report) && !f.Has(Cue.Progress) && !f.Has(Cue.Due) && !f.Has(Cue.TaskWord) && !f.Has(Cue.Overdue))
        {
            return new ReportCommand(language);
        }

        // 把各组完成情况和逾期情况汇总一下: progress, which counts the overdue per office too.
        if (f.Has(Cue.Progress) && f.Has(Cue.Overdue) && !f.Has(Cue.Due) && f.Person is null)
        {
            return new ProgressCommand(language);
        }

        if (f.Has(Cue.Overdue))
        {
            var overdueOf = f.ScopeOffice is null && !f.OwnOffice && !whole ? f.Person?.Value.Canonical : null;
            var myOverdue = overdueOf is null && f.ScopeOffice is null && !f.OwnOffice && !whole && (f.Has(Cue.Mine) || SpeaksOfMe(f.Text));
            return new OverdueCommand(whole, language) { OfficeName = f.ScopeOffice, OwnOffice = SpeaksOfUs(f), PersonName = overdueOf, Mine = myOverdue };
        }

        if (f.Has(Cue.Progress) && !f.Has(Cue.Due))
        {
            return new ProgressCommand(language);
        }

        // A date with task words is a due question; 明天的材料准备好了吗 asks about something else.
        var asksDue = f.Has(Cue.Due) || (f.Date is not null && !f.Has(Cue.WeakDone) && (f.Has(Cue.TaskWord) || f.Residual.Length == 0));
        if (asksDue)
        {
            // 我这周有什么要交的, what do I have due: the asker's own tasks, unless an office is named.
            // 孙丽这周有什么要交的: that person's; 我这周…: the asker's own.
            var person = f.ScopeOffice is null && !f.OwnOffice && !whole ? f.Person?.Value.Canonical : null;
            var mine = person is null && f.ScopeOffice is null && !f.OwnOffice && !whole && (f.Has(Cue.Mine) || SpeaksOfMe(f.Text));
            return f.Date switch
            {
                { Error: { } error } date => new InvalidCommand(error, date.Words, language),
                { Window: { } window } => new DueCommand(window, whole, language) { OfficeName = f.ScopeOffice, OwnOffice = SpeaksOfUs(f), Mine = mine, PersonName = person },
                _ => new DueCommand(ThisWeek(f.Today), whole, language) { OfficeName = f.ScopeOffice, OwnOffice = SpeaksOfUs(f), Mine = mine, PersonName = person },
            };
        }

        if (f.OwnOffice)
        {
            return new OfficeTasksCommand(null, language);
        }

        // 孙丽的任务, 张伟手上还有什么, what is 孙丽 working on: the open tasks that person owns.
        if (f.Person is { } owner && f.ScopeOffice is null && (f.Has(Cue.TaskWord) || f.Has(Cue.Mine) || f.Has(Cue.Remaining)))
        {
            return new MineCommand(language) { PersonName = owner.Value.Canonical };
        }

        if (f.ScopeOffice is { } officeName)
        {
            return new OfficeTasksCommand(officeName, language);
        }

        if (f.Has(Cue.Mine) || (f.Has(Cue.Remaining) && SpeaksOfMe(f.Text)))
        {
            return new MineCommand(language);
        }

        // An office the ledger does not know (yet): 某某组的任务, 单位 某某, office X, X tasks. The handler says which offices exist.
        if (OfficeFallback().Match(f.Text) is { Success: true } named && !named.Groups["office"].Value.StartsWith('我'))
        {
            return new OfficeTasksCommand(f.Source.Substring(named.Groups["office"].Index, named.Groups["office"].Length).Trim(), language);
        }

        return null;
    }

    public static DateWindow ThisWeek(DateOnly today) => Glossary.DatePhrases.Week(today);

    /// <summary>The account a link names: a token of letters, digits and :._@- that is not a cue word.</summary>
    private static string? Account(Findings f)
    {
        foreach (Match m in AccountToken().Matches(f.Text))
        {
            var a = m.Groups["a"];
            var covered = f.Cues.Any(c => c.Start <= a.Index && c.End >= a.Index + a.Length) || (f.Person is { } p && p.Start <= a.Index && p.End >= a.Index + a.Length);
            if (!covered && m.Value.Any(char.IsAsciiLetterOrDigit))
            {
                var account = m.Groups["a"];
                return f.Source.Substring(account.Index, account.Length);
            }
        }

        return null;
    }

    private static string? WordAfter(Findings f, Cue cue) =>
        f.Last(cue) is { } hit && f.After(hit.End, "到", "to", "office") is { } rest ? rest.Split(' ')[0] : null;

    private static string? WordBefore(Findings f, params Cue[] cues) =>
        f.Cues.FirstOrDefault(c => cues.Contains(c.Value)) is { Length: > 0 } hit
            ? f.Source[..hit.Start].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            : null;

    [GeneratedRegex(@"(?:^|\s)(?<a>[a-z0-9][a-z0-9:._@-]*[a-z0-9])(?=\s|$|[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(?<a>[a-z0-9][a-z0-9:._@-]*[a-z0-9])(?=\s|$|[\u4e00-\u9fff])")]
    private static partial Regex AccountToken();

    [GeneratedRegex(@"^(?:关联账号|关联|link)\s*(?<name>\S.*?)\s+(?<account>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkFallback();

    [GeneratedRegex(@"(?:给|到|至|\bto)\s*(?<to>[^\s，,。]+)\s*(?:办|负责|牵头)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReassignFallback();

    [GeneratedRegex(@"^(?:单位|委室|工作组|office)\s*(?<office>\S.*)$|^(?<office>[^\s的]+?)的?(?:任务|工作|台账)$|^(?<office>\S+)\s+tasks$")]
    private static partial Regex OfficeFallback();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d{1,4})\s*号$")]
    private static partial System.Text.RegularExpressions.Regex RequestNumber();
}
