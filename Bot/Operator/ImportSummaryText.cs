using CampaignBot.Understanding.Commands;
using CampaignBot.Plans;
using static CampaignBot.Plans.PlanWriteSummary;

namespace CampaignBot.Operator;

/// <summary>
/// What `import` prints after a good file, in the campaign's language: counts that say new, updated
/// and unchanged apart; the accounts linked and the people still without one; each task where the
/// file and a decision made in chat differ, and what --file-wins overrode.
/// </summary>
public abstract class ImportSummaryText
{
    public static ImportSummaryText For(ReplyLanguage language) => language == ReplyLanguage.English ? new English() : new Chinese();

    /// <summary>The day the import runs: a decision's date shows its year only when it is another year's.</summary>
    protected DateOnly Today { get; private set; }

    private TimeZoneInfo zone = TimeZoneInfo.Utc;

    public IEnumerable<string> Lines(PlanWriteSummary s, DateOnly today, TimeZoneInfo campaignZone, IReadOnlyList<(string Created, string Known)> alike)
    {
        (Today, zone) = (today, campaignZone);
        yield return Totals(s);
        if (s.OfficesCreated.Count > 0)
        {
            yield return "  " + OfficesCreated(s.OfficesCreated);
        }

        if (s.PeopleCreated.Count > 0)
        {
            yield return "  " + PeopleCreated(s.PeopleCreated);
        }

        if (s.PeopleUpdated.Count > 0)
        {
            yield return "  " + PeopleUpdated(s.PeopleUpdated);
        }

        if (s.AccountsLinked.Count > 0)
        {
            yield return "  " + AccountsLinked(s.AccountsLinked);
        }

        if (s.PeopleWithoutAccount.Count > 0)
        {
            yield return "  " + WithoutAccount(s.PeopleWithoutAccount);
        }

        if (alike.Count > 0)
        {
            yield return "  " + Alike(alike);
        }

        if (s.NumberLikeCodes.Count > 0)
        {
            yield return "  " + NumberLike(s.NumberLikeCodes);
        }

        if (s.Kept.Count > 0)
        {
            yield return "  " + KeptHeader(s.Kept.Count);
            foreach (var difference in s.Kept)
            {
                yield return "    " + Kept(difference);
            }

            if (s.Kept.Any(d => d is not PlanDifference.EventNotInFile { IsWorkDone: true }))
            {
                yield return "  " + FileWinsHint;
            }
        }

        if (s.Overridden.Count > 0)
        {
            yield return "  " + OverriddenHeader(s.Overridden.Count);
            foreach (var difference in s.Overridden)
            {
                yield return "    " + Overridden(difference);
            }
        }

        if (s.EventsRemoved.Count > 0)
        {
            yield return "  " + EventsRemoved(s.EventsRemoved);
        }
    }

    /// <summary>The local day of a decision, as this language writes it.</summary>
    protected DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);

    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    protected abstract string Totals(PlanWriteSummary s);
    protected abstract string OfficesCreated(IReadOnlyList<string> names);
    protected abstract string PeopleCreated(IReadOnlyList<string> names);
    protected abstract string PeopleUpdated(IReadOnlyList<PersonUpdate> people);
    protected abstract string AccountsLinked(IReadOnlyList<AccountLink> links);
    protected abstract string WithoutAccount(IReadOnlyList<string> names);
    protected abstract string Alike(IReadOnlyList<(string Created, string Known)> pairs);
    protected abstract string NumberLike(IReadOnlyList<string> codes);
    protected abstract string KeptHeader(int count);
    protected abstract string Kept(PlanDifference difference);
    protected abstract string FileWinsHint { get; }
    protected abstract string OverriddenHeader(int count);
    protected abstract string Overridden(PlanDifference difference);
    protected abstract string EventsRemoved(IReadOnlyList<string> codes);

    /// <summary>How many removed events are named before "and N more".</summary>
    protected const int ListedCodes = 20;

    private sealed class Chinese : ImportSummaryText
    {
        protected override string Totals(PlanWriteSummary s) =>
            $"导入完成：新增任务 {s.TasksAdded}，更新任务 {s.TasksUpdated}，未变任务 {s.TasksUnchanged}；"
            + $"新增单位 {s.OfficesCreated.Count}，更新单位 {s.OfficesUpdated.Count}；"
            + $"新增人员 {s.PeopleCreated.Count}，更新人员 {s.PeopleUpdated.Count}，未变人员 {s.PeopleUnchanged}。";

        protected override string OfficesCreated(IReadOnlyList<string> names) => $"新建单位：{string.Join("、", names)}";

        protected override string PeopleCreated(IReadOnlyList<string> names) => $"新建人员：{string.Join("、", names)}";

        protected override string PeopleUpdated(IReadOnlyList<PersonUpdate> people) =>
            $"更新人员：{string.Join("、", people.Select(p => $"{p.Name}（{Fields(p.Changed)}）"))}";

        private static string Fields(PersonFields fields) => string.Join("、", new (PersonFields Field, string Label)[]
        {
            (PersonFields.Office, "单位"), (PersonFields.Role, "角色"), (PersonFields.Accounts, "账号"),
            (PersonFields.Mobile, "手机"), (PersonFields.DingTalkId, "钉钉ID"), (PersonFields.WeComId, "企业微信ID"),
        }.Where(f => fields.HasFlag(f.Field)).Select(f => f.Label));

        protected override string AccountsLinked(IReadOnlyList<AccountLink> links) =>
            $"关联账号 {links.Count} 个（人员表的账号列）：{string.Join("、", links.Select(l => $"{l.Person} {l.Account}" + (l.FromPerson is { } from ? $"（原属 {from}）" : "")))}";

        protected override string WithoutAccount(IReadOnlyList<string> names) =>
            $"尚未关联账号：{string.Join("、", names)}（请协调员在聊天中发送「关联 姓名 账号」，或在人员表填写账号后再导入）";

        protected override string NumberLike(IReadOnlyList<string> codes) =>
            $"注意：编号 {string.Join("、", codes.Take(ListedCodes))}{(codes.Count > ListedCodes ? $" 等 {codes.Count} 个" : "")} 只由数字组成，聊天中紧挨数量或日期时（如「1.2万份」「6/30前」）不会被当作任务编号；请大家单独写出编号，如「查看 {codes[0]}」「{codes[0]} 完成了」。";

        protected override string Alike(IReadOnlyList<(string Created, string Known)> pairs) =>
            $"请核对相近的名称（可能是笔误）：{string.Join("；", pairs.Select(p => $"「{p.Created}」与「{p.Known}」"))}。如是笔误，改正计划后重新导入，再在聊天中核对。";

        protected override string KeptHeader(int count) => $"以下 {count} 项与聊天中的决定不同，台账保留决定：";

        protected override string Kept(PlanDifference difference) => difference switch
        {
            PlanDifference.Deadline d => $"{d.Code}：文件截止日期 {Iso(d.InFile)}，台账保留{Source(d.Decision, "已批准延期后的")} {Iso(d.InLedger)}{Why(d.Decision)}",
            PlanDifference.Lead l => $"{l.Code}：文件{Lead(l.OfficeInFile, l.OwnerInFile)}，台账保留{Source(l.Decision, "转办后的")}{Lead(l.OfficeInLedger, l.OwnerInLedger)}{Why(l.Decision)}",
            PlanDifference.EventNotInFile e => $"{e.Code}：文件中已没有这次活动，台账保留（{Held(e)}）",
            _ => difference.Code,
        };

        protected override string FileWinsHint =>
            "如要以文件为准，加 --file-wins 再导入：文件的截止日期、牵头单位和责任人将取代上述决定（已完成的工作和佐证不受影响）。";

        protected override string OverriddenHeader(int count) => $"以文件为准（--file-wins），取代了聊天中的决定 {count} 项：";

        protected override string Overridden(PlanDifference difference) => difference switch
        {
            PlanDifference.Deadline d => $"{d.Code}：截止日期改回文件的 {Iso(d.InFile)}（原为{Source(d.Decision, "已批准延期后的")} {Iso(d.InLedger)}{Colon(d.Decision)}）",
            PlanDifference.Lead l => $"{l.Code}：改回文件的{Lead(l.OfficeInFile, l.OwnerInFile)}（原为{Source(l.Decision, "转办后的")}{Lead(l.OfficeInLedger, l.OwnerInLedger)}{Colon(l.Decision)}）",
            PlanDifference.EventNotInFile e => $"{e.Code}：文件中已没有这次活动，已删除（原有{Held(e)}）",
            _ => difference.Code,
        };

        protected override string EventsRemoved(IReadOnlyList<string> codes) =>
            $"删除周期活动 {codes.Count} 次（文件的周期或起止日期已不含，未完成、无佐证）：{string.Join("、", codes.Take(ListedCodes))}"
            + (codes.Count > ListedCodes ? " 等" : "");

        private static string Lead(string office, string? owner) => owner is null ? $"牵头单位 {office}" : $"牵头单位 {office}、责任人 {owner}";

        private static string Source(PlanDecision? decision, string after) => decision is null ? "聊天中改定的" : after;

        private string Why(PlanDecision? decision) => decision is null ? "" : $"（{Decision(decision)}）";

        private string Colon(PlanDecision? decision) => decision is null ? "" : $"：{Decision(decision)}";

        private string Held(PlanDifference.EventNotInFile e) =>
            string.Join("；", e.Decisions.Select(Decision).Concat(e.EvidenceCount > 0 ? [$"{e.EvidenceCount} 份佐证"] : []));

        private string Decision(PlanDecision decision) => decision switch
        {
            PlanDecision.Extension x => $"延期申请 #{x.RequestId}，{By(x)}{Day(x.At)}批准",
            PlanDecision.Handover h => $"{By(h)}{Day(h.At)}转办",
            PlanDecision.Completion c => $"已完成，{By(c)}{Day(c.At)}",
            _ => "",
        };

        private static string By(PlanDecision decision) => decision.By is { } by ? by + " " : "";

        private string Day(DateTimeOffset at) => DayOf(at) is var day && day.Year == Today.Year ? $"{day.Month}月{day.Day}日" : $"{day.Year}年{day.Month}月{day.Day}日";
    }

    private sealed class English : ImportSummaryText
    {
        protected override string Totals(PlanWriteSummary s) =>
            $"Imported: tasks {s.TasksAdded} new, {s.TasksUpdated} updated, {s.TasksUnchanged} unchanged; "
            + $"offices {s.OfficesCreated.Count} new, {s.OfficesUpdated.Count} updated; "
            + $"people {s.PeopleCreated.Count} new, {s.PeopleUpdated.Count} updated, {s.PeopleUnchanged} unchanged.";

        protected override string OfficesCreated(IReadOnlyList<string> names) => $"New offices: {string.Join(", ", names)}";

        protected override string PeopleCreated(IReadOnlyList<string> names) => $"New people: {string.Join(", ", names)}";

        protected override string PeopleUpdated(IReadOnlyList<PersonUpdate> people) =>
            $"Updated people: {string.Join(", ", people.Select(p => $"{p.Name} ({Fields(p.Changed)})"))}";

        private static string Fields(PersonFields fields) => string.Join(", ", new (PersonFields Field, string Label)[]
        {
            (PersonFields.Office, "office"), (PersonFields.Role, "role"), (PersonFields.Accounts, "account"),
            (PersonFields.Mobile, "mobile"), (PersonFields.DingTalkId, "DingTalk id"), (PersonFields.WeComId, "WeCom id"),
        }.Where(f => fields.HasFlag(f.Field)).Select(f => f.Label));

        protected override string AccountsLinked(IReadOnlyList<AccountLink> links) =>
            $"Accounts linked ({links.Count}, from the 账号 column): {string.Join(", ", links.Select(l => $"{l.Person} {l.Account}" + (l.FromPerson is { } from ? $" (was {from}'s)" : "")))}";

        protected override string WithoutAccount(IReadOnlyList<string> names) =>
            $"No account yet: {string.Join(", ", names)} (a coordinator sends \"link <name> <account>\" in chat, or fill in 账号 in the 人员 sheet and import again)";

        protected override string NumberLike(IReadOnlyList<string> codes) =>
            $"Note: the codes {string.Join(", ", codes.Take(ListedCodes))}{(codes.Count > ListedCodes ? $" and {codes.Count - ListedCodes} more" : "")} are numbers only; in chat, right beside a quantity or a date (\"1.2万份\", \"6/30前\") they are not read as a task. Ask people to write the code on its own: \"detail {codes[0]}\", \"{codes[0]} is done\".";

        protected override string Alike(IReadOnlyList<(string Created, string Known)> pairs) =>
            $"Check names that look alike (a typo?): {string.Join("; ", pairs.Select(p => $"\"{p.Created}\" and \"{p.Known}\""))}. If one is a typo, correct the plan, import it again and check in chat.";

        protected override string KeptHeader(int count) => $"{count} differ from decisions made in chat; the ledger keeps the decisions:";

        protected override string Kept(PlanDifference difference) => difference switch
        {
            PlanDifference.Deadline d => $"{d.Code}: the file's deadline is {Iso(d.InFile)}; the ledger keeps {Iso(d.InLedger)}{Why(d.Decision, "set in chat")}",
            PlanDifference.Lead l => $"{l.Code}: the file's {Lead(l.OfficeInFile, l.OwnerInFile)}; the ledger keeps {Lead(l.OfficeInLedger, l.OwnerInLedger)}{Why(l.Decision, "set in chat")}",
            PlanDifference.EventNotInFile e => $"{e.Code}: the file no longer has this event; the ledger keeps it ({Held(e)})",
            _ => difference.Code,
        };

        protected override string FileWinsHint =>
            "To let the file win, import again with --file-wins: its deadlines, lead offices and owners replace the decisions above (work done and evidence stay).";

        protected override string OverriddenHeader(int count) => $"The file won (--file-wins) over {count} decisions made in chat:";

        protected override string Overridden(PlanDifference difference) => difference switch
        {
            PlanDifference.Deadline d => $"{d.Code}: deadline back to the file's {Iso(d.InFile)} (was {Iso(d.InLedger)}{Why(d.Decision, "set in chat")})",
            PlanDifference.Lead l => $"{l.Code}: back to the file's {Lead(l.OfficeInFile, l.OwnerInFile)} (was {Lead(l.OfficeInLedger, l.OwnerInLedger)}{Why(l.Decision, "set in chat")})",
            PlanDifference.EventNotInFile e => $"{e.Code}: the file no longer has this event; removed (it had {Held(e)})",
            _ => difference.Code,
        };

        protected override string EventsRemoved(IReadOnlyList<string> codes) =>
            $"Removed {codes.Count} events of duties that the file's 周期 or dates no longer have (open, no evidence): {string.Join(", ", codes.Take(ListedCodes))}"
            + (codes.Count > ListedCodes ? ", …" : "");

        private static string Lead(string office, string? owner) => owner is null ? $"lead office {office}" : $"lead office {office}, owner {owner}";

        private string Why(PlanDecision? decision, string unknown) => decision is null ? $", {unknown}" : $", {Decision(decision)}";

        private string Held(PlanDifference.EventNotInFile e) =>
            string.Join("; ", e.Decisions.Select(Decision).Concat(e.EvidenceCount > 0 ? [$"{e.EvidenceCount} pieces of evidence"] : []));

        private string Decision(PlanDecision decision) => decision switch
        {
            PlanDecision.Extension x => $"extension request #{x.RequestId} approved{By(x)} on {Day(x.At)}",
            PlanDecision.Handover h => $"handed over{By(h)} on {Day(h.At)}",
            PlanDecision.Completion c => $"done{By(c)} on {Day(c.At)}",
            _ => "",
        };

        private static string By(PlanDecision decision) => decision.By is { } by ? $" by {by}" : "";

        private string Day(DateTimeOffset at) =>
            DayOf(at).ToString(DayOf(at).Year == Today.Year ? "MMM d" : "MMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }
}
