namespace CampaignBot.Understanding.Commands;

/// <summary>
/// What a chat message asks for: a closed family, every command in this file. <see cref="Language"/>
/// is the language the user wrote in. Only the commands here derive from it (its constructor is
/// private protected), so a switch over them in the router is the whole list.
/// </summary>
public abstract record ChatCommand
{
    private protected ChatCommand(ReplyLanguage language) => Language = language;

    public ReplyLanguage Language { get; init; }
}

/// <summary>A question about some offices' tasks: by default the chat's or the asker's office.</summary>
public abstract record ScopedCommand : ChatCommand
{
    private protected ScopedCommand(bool wholeCampaign, ReplyLanguage language)
        : base(language) => WholeCampaign = wholeCampaign;

    /// <summary>The user said 全部/all: ignore the chat's or person's office.</summary>
    public bool WholeCampaign { get; init; }

    /// <summary>An office named in the question (材料组还有啥超期的), by its ledger name.</summary>
    public string? OfficeName { get; init; }

    /// <summary>The asker said 我们组/本单位/our office: the chat's or their own office, even for a coordinator.</summary>
    public bool OwnOffice { get; init; }

    /// <summary>The asker asked about their own tasks (我这周有什么要交的, what do I have due): the tasks they own.</summary>
    public bool Mine { get; init; }

    /// <summary>A person named in the question (孙丽这周有什么要交的): the tasks that person owns.</summary>
    public string? PersonName { get; init; }
}

/// <summary>补充佐证 T017 说明 (+ files): evidence added to a task without changing its state.</summary>
public sealed record AddEvidenceCommand(string Code, string? Note, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>A coordinator adds a group robot (DingTalk or WeCom) as a reminder target of an office.</summary>
public sealed record AddRobotCommand(string OfficeName, RobotService Kind, string Url, string? Secret, ReplyLanguage Language) : ChatCommand(Language);

public sealed record BindOfficeCommand(string OfficeName, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>Two or more readings remain (查看 T021 or 标记 T021 完成?): the bot asks, with a button per reading, and changes nothing.</summary>
public sealed record ClarifyCommand(IReadOnlyList<ChatCommand> Readings, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>同意延期 12 / 驳回延期 12 理由: a coordinator decides a request.</summary>
public sealed record DecideExtensionCommand(long RequestId, bool Approve, string? Note, ReplyLanguage Language) : ChatCommand(Language);

public sealed record DetailCommand(string Code, ReplyLanguage Language) : ChatCommand(Language);

public sealed record DoneCommand(string Code, string? Note, ReplyLanguage Language) : ChatCommand(Language);

/// <param name="WholeCampaign">The user said 全部/all: ignore the chat's or person's office.</param>
public sealed record DueCommand(DateWindow Window, bool WholeCampaign, ReplyLanguage Language) : ScopedCommand(WholeCampaign, Language);

/// <summary>申请延期 T017 到 7月15日 理由…: asks the coordinators to move a deadline.</summary>
public sealed record ExtendCommand(string Code, DateOnly NewDueOn, string? Reason, ReplyLanguage Language) : ChatCommand(Language)
{
    /// <summary>往后延一周, push it out by a week: the new deadline is the task's own, this many days later (the handler reads it).</summary>
    public int? ByDays { get; init; }
}

public sealed record HelpCommand(ReplyLanguage Language) : ChatCommand(Language);

/// <summary>Recognised as a command, but its argument is wrong; <see cref="Detail"/> is the user's own words.</summary>
public sealed record InvalidCommand(InvalidInput Reason, string Detail, ReplyLanguage Language) : ChatCommand(Language);

public sealed record LinkAccountCommand(string PersonName, string AccountId, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>佐证 T017: a task's evidence with each file's state.</summary>
public sealed record ListEvidenceCommand(string Code, ReplyLanguage Language) : ChatCommand(Language);

public sealed record ListRobotsCommand(ReplyLanguage Language) : ChatCommand(Language);

public sealed record MineCommand(ReplyLanguage Language) : ChatCommand(Language)
{
    /// <summary>Someone else's open tasks (孙丽的任务), by their ledger name; null: the asker's.</summary>
    public string? PersonName { get; init; }
}

/// <summary>
/// A change the rules read but the second reading did not confirm (a question, a denial, a condition,
/// hearsay…): the bot answers <paramref name="Answer"/> (usually the task's details) and offers the
/// change as a button, changing nothing until it is pressed.
/// </summary>
public sealed record OfferCommand(ChatCommand Answer, IReadOnlyList<ChatCommand> Offers, ReplyLanguage Language) : ChatCommand(Language);

/// <param name="OfficeName">The office asked about; null means "my office" (the chat's or the person's).</param>
public sealed record OfficeTasksCommand(string? OfficeName, ReplyLanguage Language) : ChatCommand(Language);

public sealed record OverdueCommand(bool WholeCampaign, ReplyLanguage Language) : ScopedCommand(WholeCampaign, Language);

/// <summary>待审批, pending requests: the extension requests waiting for a decision, with 同意 / 驳回 (coordinators).</summary>
public sealed record PendingExtensionsCommand(ReplyLanguage Language) : ChatCommand(Language);

public sealed record ProgressCommand(ReplyLanguage Language) : ChatCommand(Language);

/// <summary>转办 T017 给 材料组 (an office) or 给 孙丽 (a person, whose office then leads).</summary>
public sealed record ReassignCommand(string Code, string To, ReplyLanguage Language) : ChatCommand(Language);

public sealed record ReopenCommand(string Code, string? Reason, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>本周通报, this week's report: the weekly report (通报) with its chart, now (leaders and coordinators).</summary>
public sealed record ReportCommand(ReplyLanguage Language) : ChatCommand(Language);

/// <summary>Several tasks in one message (T014 和 T024 都弄完了, T010 延期到12月10日，T011 谁负责): one outcome each, in one reply.</summary>
public sealed record SeveralCommand(IReadOnlyList<ChatCommand> Commands, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>A greeting, thanks or acknowledgement (您好, 辛苦了, 收到, thx): a short polite answer with a hint, not a miss.</summary>
public sealed record SmallTalkCommand(SmallTalkKind Kind, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>稍后提醒 T017 明天 / 3天后: the task's reminder again in this chat on that day.</summary>
public sealed record SnoozeCommand(string Code, DateOnly Day, ReplyLanguage Language) : ChatCommand(Language);

/// <param name="Subscribe">True to receive one's own task reminders in this 1:1 chat, false to stop.</param>
public sealed record SubscribeCommand(bool Subscribe, ReplyLanguage Language) : ChatCommand(Language);

public sealed record UnbindCommand(ReplyLanguage Language) : ChatCommand(Language);

/// <summary>撤销操作 N / undo change N: takes back the change audited as N (the 撤销 button a change read from words carries).</summary>
public sealed record UndoCommand(long ChangeId, ReplyLanguage Language) : ChatCommand(Language);

/// <param name="Text">What the user wrote, as normalised: kept as a miss for the corpus.</param>
/// <param name="Suggestions">The two or three closest commands, offered as buttons.</param>
public sealed record UnknownCommand(string Text, IReadOnlyList<ChatCommand> Suggestions, ReplyLanguage Language) : ChatCommand(Language);

public sealed record WhoAmICommand(ReplyLanguage Language) : ChatCommand(Language);

/// <summary>撤回佐证 12: a piece of evidence added by mistake, withdrawn by its sender or a coordinator.</summary>
public sealed record WithdrawEvidenceCommand(long EvidenceId, ReplyLanguage Language) : ChatCommand(Language);
