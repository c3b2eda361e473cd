using System.Text;
using System.Text.RegularExpressions;

namespace CampaignBot.Chat.Parsing;

/// <summary>
/// Turns one chat message into a <see cref="ChatCommand"/>. Pure: it knows no database, no office
/// names and no clock; "today" and the default reply language are arguments.
/// </summary>
public static partial class CommandParser
{
    private const string Code = @"(?<code>[A-Za-z]{0,6}[-.]?\d{1,5}(?:[-.]\d{1,6})*)";

    public static ChatCommand Parse(string? text, DateOnly today, ReplyLanguage defaultLanguage)
    {
        var t = Normalize(text);
        var zh = ReplyLanguage.Chinese;
        var en = ReplyLanguage.English;

        if (t.Length == 0 || Keyword(t, "帮助", "菜单", "命令", "?"))
        {
            return new HelpCommand(t.Length == 0 || t == "?" ? defaultLanguage : zh);
        }

        if (Keyword(t, "help", "menu", "commands", "/help")) return new HelpCommand(en);
        if (Keyword(t, "我是谁", "我的账号")) return new WhoAmICommand(zh);
        if (Keyword(t, "whoami", "who am i", "my account")) return new WhoAmICommand(en);
        if (Keyword(t, "进度", "进展", "进度情况", "完成情况", "总体进度")) return new ProgressCommand(zh);
        if (Keyword(t, "progress", "status")) return new ProgressCommand(en);
        if (Keyword(t, "全部逾期", "所有逾期", "全部逾期任务", "所有逾期任务")) return new OverdueCommand(true, zh);
        if (Keyword(t, "all overdue", "all overdue tasks")) return new OverdueCommand(true, en);
        if (Keyword(t, "逾期", "已逾期", "逾期任务", "超期", "超期任务", "逾期了吗")) return new OverdueCommand(false, zh);
        if (Keyword(t, "overdue", "overdue tasks", "what is overdue", "what's overdue")) return new OverdueCommand(false, en);
        if (Keyword(t, "我的", "我的任务", "我的待办", "我负责的")) return new MineCommand(zh);
        if (Keyword(t, "mine", "my tasks", "my todo", "my to-do")) return new MineCommand(en);
        if (Keyword(t, "本单位", "本组", "本委室", "我们单位", "本单位任务", "本单位的任务", "本组任务", "本组的任务")) return new OfficeTasksCommand(null, zh);
        if (Keyword(t, "my office", "our office", "office")) return new OfficeTasksCommand(null, en);
        if (Keyword(t, "解除绑定", "本群解绑", "解绑")) return new UnbindCommand(zh);
        if (Keyword(t, "unbind")) return new UnbindCommand(en);
        if (Keyword(t, "机器人", "机器人列表", "群机器人")) return new ListRobotsCommand(zh);
        if (Keyword(t, "robots", "list robots")) return new ListRobotsCommand(en);
        if (AddRobot().Match(t) is { Success: true } robot)
        {
            var english = robot.Groups["en"].Success;
            var dingTalk = robot.Groups["kind"].Value.ToLowerInvariant() is "钉钉" or "dingtalk";
            var secret = robot.Groups["secret"].Success ? robot.Groups["secret"].Value : null;
            return new AddRobotCommand(robot.Groups["office"].Value, dingTalk, robot.Groups["url"].Value, secret, english ? en : zh);
        }

        if (Keyword(t, "订阅我的提醒", "订阅提醒", "订阅")) return new SubscribeCommand(true, zh);
        if (Keyword(t, "subscribe", "subscribe me")) return new SubscribeCommand(true, en);
        if (Keyword(t, "取消订阅", "退订", "取消订阅提醒")) return new SubscribeCommand(false, zh);
        if (Keyword(t, "unsubscribe")) return new SubscribeCommand(false, en);

        if (ExtendZh().Match(t) is { Success: true } xz) return Extend(xz, today, zh);
        if (ExtendEn().Match(t) is { Success: true } xe) return Extend(xe, today, en);
        if (DecideZh().Match(t) is { Success: true } dcz) return Decide(dcz, dcz.Groups["verb"].Value is "同意" or "批准", zh);
        if (DecideEn().Match(t) is { Success: true } dce) return Decide(dce, dce.Groups["verb"].Value == "approve", en);
        if (ReassignZh().Match(t) is { Success: true } az) return new ReassignCommand(CodeOf(az), az.Groups["to"].Value.Trim(), zh);
        if (ReassignEn().Match(t) is { Success: true } ae) return new ReassignCommand(CodeOf(ae), ae.Groups["to"].Value.Trim(), en);
        if (SnoozeZh().Match(t) is { Success: true } sz) return Snooze(sz, today, zh);
        if (SnoozeEn().Match(t) is { Success: true } se) return Snooze(se, today, en);

        if (EvidenceZh().Match(t) is { Success: true } ez) return Evidence(ez, zh);
        if (EvidenceEn().Match(t) is { Success: true } ee) return Evidence(ee, en);
        if (DoneZh().Match(t) is { Success: true } dz) return new DoneCommand(CodeOf(dz), NoteOf(dz), zh);
        if (DoneEn().Match(t) is { Success: true } de) return new DoneCommand(CodeOf(de), NoteOf(de), en);
        if (ReopenZh().Match(t) is { Success: true } rz) return new ReopenCommand(CodeOf(rz), NoteOf(rz), zh);
        if (ReopenEn().Match(t) is { Success: true } re) return new ReopenCommand(CodeOf(re), NoteOf(re), en);
        if (DetailZh().Match(t) is { Success: true } tz) return new DetailCommand(CodeOf(tz), zh);
        if (DetailEn().Match(t) is { Success: true } te) return new DetailCommand(CodeOf(te), en);
        if (BareCode().Match(t) is { Success: true } bc) return new DetailCommand(CodeOf(bc), defaultLanguage);
        if (BindZh().Match(t) is { Success: true } bz) return new BindOfficeCommand(bz.Groups["office"].Value.Trim(), zh);
        if (BindEn().Match(t) is { Success: true } be) return new BindOfficeCommand(be.Groups["office"].Value.Trim(), en);
        if (LinkZh().Match(t) is { Success: true } lz) return new LinkAccountCommand(lz.Groups["name"].Value.Trim(), lz.Groups["account"].Value, zh);
        if (LinkEn().Match(t) is { Success: true } le) return new LinkAccountCommand(le.Groups["name"].Value.Trim(), le.Groups["account"].Value, en);

        if (ReadDue(t, today, defaultLanguage) is { } due)
        {
            return due;
        }

        if (OfficeEn().Match(t) is { Success: true } oe) return new OfficeTasksCommand(oe.Groups["office"].Value.Trim(), en);
        if (OfficeZh().Match(t) is { Success: true } oz && !oz.Groups["office"].Value.StartsWith('我'))
        {
            return new OfficeTasksCommand(oz.Groups["office"].Value.Trim(), zh);
        }

        var language = ContainsChinese(t) ? zh : IsAscii(t) ? en : defaultLanguage;
        return new UnknownCommand(t, CommandSuggestions.Closest(t), language);
    }

    /// <summary>What-is-due questions: 本周有什么到期, 到期 6/30, 全部下周到期, what is due next friday, due 6/1-6/30.</summary>
    private static ChatCommand? ReadDue(string t, DateOnly today, ReplyLanguage defaultLanguage)
    {
        // Digits and slashes alone (6/30, 2026-06-30) say nothing about the user's language.
        var language = ContainsChinese(t) ? ReplyLanguage.Chinese : t.Any(char.IsAsciiLetter) ? ReplyLanguage.English : defaultLanguage;
        var whole = false;
        if (AllPrefix().Match(t) is { Success: true } all)
        {
            whole = true;
            t = all.Groups["rest"].Value;
        }

        string? words = null;
        if (DueZhSuffix().Match(t) is { Success: true } suffix) words = suffix.Groups["w"].Value;
        else if (DueZhPrefix().Match(t) is { Success: true } prefix) words = prefix.Groups["w"].Value;
        else if (DueEn().Match(t) is { Success: true } english)
        {
            words = english.Groups["w"].Value;
            language = ReplyLanguage.English;
        }
        else if (TasksSuffix().Match(t) is { Success: true } tasks && DateExpressions.Read(tasks.Groups["w"].Value, today).IsDate) words = tasks.Groups["w"].Value;
        else if (DateExpressions.Read(t, today).IsDate) words = t;

        if (words is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(words))
        {
            words = "this week";
        }

        var reading = DateExpressions.Read(words, today);
        return reading switch
        {
            { Window: { } window } => new DueCommand(window, whole, language),
            { Error: { } error } => new InvalidCommand(error, words.Trim(), language),
            _ => null,
        };
    }

    /// <summary>
    /// Removes what is not the user's words: Teams @mentions (&lt;at&gt;Bot&lt;/at&gt;), full-width forms
    /// (６月３０日 → 6月30日), repeated spaces and trailing punctuation.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var t = MentionTag().Replace(text, " ").Normalize(NormalizationForm.FormKC);
        t = Spaces().Replace(t, " ").Trim();
        return t == "?" ? t : t.TrimEnd('?', '!', '.', '。', '！', ' ').Trim();
    }

    private static bool Keyword(string t, params string[] words) =>
        words.Any(w => string.Equals(t, w, StringComparison.OrdinalIgnoreCase));

    private static string CodeOf(Match m) => m.Groups["code"].Value.ToUpperInvariant();

    /// <summary>The new deadline must be one day (7月15日, 2026-07-15, 下周五); a range or a non-date is not a request.</summary>
    private static ChatCommand Extend(Match m, DateOnly today, ReplyLanguage language)
    {
        var reading = DateExpressions.Read(m.Groups["date"].Value, today);
        return reading switch
        {
            { Error: { } error } => new InvalidCommand(error, m.Groups["date"].Value, language),
            { Window: { IsSingleDay: true } day } => new ExtendCommand(CodeOf(m), day.From, NoteOf(m), language),
            _ => new InvalidCommand(InvalidInput.ImpossibleDate, m.Groups["date"].Value, language),
        };
    }

    private static ChatCommand Decide(Match m, bool approve, ReplyLanguage language) =>
        new DecideExtensionCommand(long.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), approve, NoteOf(m), language);

    /// <summary>明天, 后天, N天后 / tomorrow, in N days, or a date: the day the reminder comes again.</summary>
    private static ChatCommand Snooze(Match m, DateOnly today, ReplyLanguage language)
    {
        var when = m.Groups["when"].Value.Trim();
        if (m.Groups["days"].Success)
        {
            var days = int.Parse(m.Groups["days"].Value, System.Globalization.CultureInfo.InvariantCulture);
            return days is >= 1 and <= 60
                ? new SnoozeCommand(CodeOf(m), today.AddDays(days), language)
                : new InvalidCommand(InvalidInput.ImpossibleDate, when, language);
        }

        return DateExpressions.Read(when, today) switch
        {
            { Window: { IsSingleDay: true } day } when day.From > today => new SnoozeCommand(CodeOf(m), day.From, language),
            { Error: { } error } => new InvalidCommand(error, when, language),
            _ => new InvalidCommand(InvalidInput.ImpossibleDate, when, language),
        };
    }

    /// <summary>佐证 T017 (list), 补充佐证 T017 说明 (add), 撤回佐证 12 (withdraw).</summary>
    private static ChatCommand Evidence(Match m, ReplyLanguage language) =>
        m.Groups["add"].Success ? new AddEvidenceCommand(CodeOf(m), NoteOf(m), language)
        : m.Groups["withdraw"].Success ? new WithdrawEvidenceCommand(long.Parse(m.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture), language)
        : new ListEvidenceCommand(CodeOf(m), language);

    [GeneratedRegex(@"^(?:(?<withdraw>撤回佐证|删除佐证)\s*#?(?<id>\d{1,9})|(?:(?<add>补充佐证|追加佐证|补充材料)|佐证|佐证材料|查看佐证)\s*" + Code + @"(?:\s+|(?=[^A-Za-z0-9])|$)(?<note>.*))$", RegexOptions.Singleline)]
    private static partial Regex EvidenceZh();

    [GeneratedRegex(@"^(?:(?<withdraw>withdraw evidence)\s+#?(?<id>\d{1,9})|(?:(?<add>add evidence)|evidence|list evidence)\s+" + Code + @"(?:\s+(?<note>.*))?)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex EvidenceEn();

    private static string? NoteOf(Match m) => m.Groups["note"].Value.Trim() is { Length: > 0 } note ? note : null;

    internal static bool ContainsChinese(string t) => t.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static bool IsAscii(string t) => t.All(c => c < 128);

    [GeneratedRegex(@"<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:完成|已完成|办结|完成了)\s*" + Code + @"(?:\s+|(?=[^A-Za-z0-9])|$)(?<note>.*)$", RegexOptions.Singleline)]
    private static partial Regex DoneZh();

    [GeneratedRegex(@"^(?:done|complete|completed|finish|finished|mark done)\s+" + Code + @"(?:\s+(?<note>.*))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DoneEn();

    [GeneratedRegex(@"^(?:重开|撤销完成|取消完成|重新打开)\s*" + Code + @"(?:\s+|(?=[^A-Za-z0-9])|$)(?<note>.*)$", RegexOptions.Singleline)]
    private static partial Regex ReopenZh();

    [GeneratedRegex(@"^(?:reopen|undo)\s+" + Code + @"(?:\s+(?<note>.*))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ReopenEn();

    [GeneratedRegex(@"^(?:详情|查看|详细|任务)\s*" + Code + "$")]
    private static partial Regex DetailZh();

    [GeneratedRegex(@"^(?:detail|details|show|info)\s+" + Code + "$", RegexOptions.IgnoreCase)]
    private static partial Regex DetailEn();

    [GeneratedRegex(@"^(?:申请延期|延期申请|申请延长)\s*" + Code + @"\s*(?:到|至|延至|延到)?\s*(?<date>[^\s，,]+?)(?:(?:\s+|[，,])(?:理由[:：]?\s*)?(?<note>.*))?$", RegexOptions.Singleline)]
    private static partial Regex ExtendZh();

    [GeneratedRegex(@"^(?:extend|request extension(?: of)?)\s+" + Code + @"\s+(?:to|until)\s+(?<date>\S+)(?:\s+(?:because\s+)?(?<note>.*))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ExtendEn();

    [GeneratedRegex(@"^(?<verb>同意|批准|驳回|不同意)延期\s*(?:申请)?\s*#?(?<id>\d{1,9})(?:\s+(?<note>.*))?$", RegexOptions.Singleline)]
    private static partial Regex DecideZh();

    [GeneratedRegex(@"^(?<verb>approve|reject) extension\s+#?(?<id>\d{1,9})(?:\s+(?<note>.*))?$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DecideEn();

    [GeneratedRegex(@"^(?:转办|转交|改派)\s*" + Code + @"\s*(?:给|到|至)?\s*(?<to>\S.*)$")]
    private static partial Regex ReassignZh();

    [GeneratedRegex(@"^(?:reassign|hand over)\s+" + Code + @"\s+to\s+(?<to>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReassignEn();

    [GeneratedRegex(@"^(?:稍后提醒|晚点提醒|再提醒)\s*" + Code + @"\s*(?<when>(?<days>\d{1,3})\s*天后|\S+)$")]
    private static partial Regex SnoozeZh();

    [GeneratedRegex(@"^(?:snooze|remind me(?: about)?)\s+" + Code + @"\s+(?<when>in\s+(?<days>\d{1,3})\s+days?|\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex SnoozeEn();

    [GeneratedRegex(@"^(?<code>[A-Za-z]{1,6}[-.]?\d{1,5}(?:[-.]\d{1,6})*)$")]
    private static partial Regex BareCode();

    [GeneratedRegex(@"^(?:本群绑定|绑定单位|绑定本群到|绑定)\s*(?<office>\S.*)$")]
    private static partial Regex BindZh();

    [GeneratedRegex(@"^bind\s+(?:office\s+|to\s+)?(?<office>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex BindEn();

    [GeneratedRegex(@"^(?:关联账号|关联)\s*(?<name>\S.*?)\s+(?<account>\S+)$")]
    private static partial Regex LinkZh();

    [GeneratedRegex(@"^link\s+(?<name>\S.*?)\s+(?<account>\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkEn();

    [GeneratedRegex(@"^(?:(?:添加机器人|新增机器人)|(?<en>add robot))\s+(?<office>\S+)\s+(?<kind>钉钉|企业微信|企微|dingtalk|wecom)\s+(?<url>https?://\S+)(?:\s+(?<secret>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex AddRobot();

    [GeneratedRegex(@"^(?:全部|所有)(?<rest>.+)$|^all\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex AllPrefix();

    [GeneratedRegex(@"^(?<w>.*?)\s*(?:有什么|有哪些|有啥|哪些)?(?:任务|工作|事项)?(?:到期|截止|要交|要完成)(?:的)?(?:任务|工作|事项)?(?:吗|呢)?$")]
    private static partial Regex DueZhSuffix();

    [GeneratedRegex(@"^(?:到期|截止)\s*(?<w>.*)$")]
    private static partial Regex DueZhPrefix();

    [GeneratedRegex(@"^(?:what(?:'s|\s+is|\s+are)?\s+)?(?:tasks\s+)?due(?:\s+(?:on|by|in)?\s*(?<w>.+?))?$", RegexOptions.IgnoreCase)]
    private static partial Regex DueEn();

    [GeneratedRegex(@"^(?<w>.+?)的?(?:任务|工作|事项)$")]
    private static partial Regex TasksSuffix();

    [GeneratedRegex(@"^(?:单位|委室|工作组)\s*(?<office>\S.*)$|^(?<office>.+?)的?(?:任务|工作|台账)$")]
    private static partial Regex OfficeZh();

    [GeneratedRegex(@"^office\s+(?<office>\S.*)$|^(?<office>.+?)\s+tasks$", RegexOptions.IgnoreCase)]
    private static partial Regex OfficeEn();
}
