namespace CampaignBot.Chat.Parsing;

public enum ReplyLanguage
{
    Chinese,
    English,
}

/// <summary>An inclusive range of calendar dates in the campaign's time zone.</summary>
public sealed record DateWindow(DateOnly From, DateOnly To)
{
    public static DateWindow Day(DateOnly day) => new(day, day);

    public bool IsSingleDay => From == To;
}

/// <summary>What a chat message asks for. <see cref="Language"/> is the language the user wrote in.</summary>
public abstract record ChatCommand(ReplyLanguage Language);

public sealed record HelpCommand(ReplyLanguage Language) : ChatCommand(Language);

public sealed record WhoAmICommand(ReplyLanguage Language) : ChatCommand(Language);

/// <summary>A question about some offices' tasks: by default the chat's or the asker's office.</summary>
public abstract record ScopedCommand(bool WholeCampaign, ReplyLanguage Language) : ChatCommand(Language)
{
    /// <summary>An office named in the question (材料组还有啥超期的), by its ledger name.</summary>
    public string? OfficeName { get; init; }

    /// <summary>The asker said 我们组/本单位/our office: the chat's or their own office, even for a coordinator.</summary>
    public bool OwnOffice { get; init; }

    /// <summary>The asker asked about their own tasks (我这周有什么要交的, what do I have due): the tasks they own.</summary>
    public bool Mine { get; init; }

    /// <summary>A person named in the question (孙丽这周有什么要交的): the tasks that person owns.</summary>
    public string? PersonName { get; init; }
}

/// <param name="WholeCampaign">The user said 全部/all: ignore the chat's or person's office.</param>
public sealed record DueCommand(DateWindow Window, bool WholeCampaign, ReplyLanguage Language) : ScopedCommand(WholeCampaign, Language);

public sealed record OverdueCommand(bool WholeCampaign, ReplyLanguage Language) : ScopedCommand(WholeCampaign, Language);

public sealed record MineCommand(ReplyLanguage Language) : ChatCommand(Language)
{
    /// <summary>Someone else's open tasks (孙丽的任务), by their ledger name; null: the asker's.</summary>
    public string? PersonName { get; init; }
}

/// <param name="OfficeName">The office asked about; null means "my office" (the chat's or the person's).</param>
public sealed record OfficeTasksCommand(string? OfficeName, ReplyLanguage Language) : ChatCommand(Language);

public sealed record DetailCommand(string Code, ReplyLanguage Language) : ChatCommand(Language);

public sealed record DoneCommand(string Code, string? Note, ReplyLanguage Language) : ChatCommand(Language);

public sealed record ReopenCommand(string Code, string? Reason, ReplyLanguage Language) : ChatCommand(Language);

public sealed record ProgressCommand(ReplyLanguage Language) : ChatCommand(Language);

public sealed record BindOfficeCommand(string OfficeName, ReplyLanguage Language) : ChatCommand(Language);

public sealed record UnbindCommand(ReplyLanguage Language) : ChatCommand(Language);

/// <param name="Subscribe">True to receive one's own task reminders in this 1:1 chat, false to stop.</param>
public sealed record SubscribeCommand(bool Subscribe, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>A coordinator adds a group robot (DingTalk or WeCom) as a reminder target of an office.</summary>
public sealed record AddRobotCommand(string OfficeName, Robots.RobotKind Kind, string Url, string? Secret, ReplyLanguage Language) : ChatCommand(Language);

public sealed record ListRobotsCommand(ReplyLanguage Language) : ChatCommand(Language);

/// <summary>申请延期 T017 到 7月15日 理由…: asks the coordinators to move a deadline.</summary>
public sealed record ExtendCommand(string Code, DateOnly NewDueOn, string? Reason, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>同意延期 12 / 驳回延期 12 理由: a coordinator decides a request.</summary>
public sealed record DecideExtensionCommand(long RequestId, bool Approve, string? Note, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>转办 T017 给 材料组 (an office) or 给 孙丽 (a person, whose office then leads).</summary>
public sealed record ReassignCommand(string Code, string To, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>稍后提醒 T017 明天 / 3天后: the task's reminder again in this chat on that day.</summary>
public sealed record SnoozeCommand(string Code, DateOnly Day, ReplyLanguage Language) : ChatCommand(Language);

public sealed record LinkAccountCommand(string PersonName, string AccountId, ReplyLanguage Language) : ChatCommand(Language);

public enum InvalidInput
{
    /// <summary>The words name a date that the calendar does not have (2月30日).</summary>
    ImpossibleDate,

    /// <summary>A range whose end comes before its start.</summary>
    ReversedRange,
}

/// <summary>Recognised as a command, but its argument is wrong; <see cref="Detail"/> is the user's own words.</summary>
public sealed record InvalidCommand(InvalidInput Reason, string Detail, ReplyLanguage Language) : ChatCommand(Language);

/// <param name="Text">What the user wrote, as normalised: kept as a miss for the corpus.</param>
/// <param name="Suggestions">The two or three closest commands, offered as buttons.</param>
public sealed record UnknownCommand(string Text, IReadOnlyList<ChatCommand> Suggestions, ReplyLanguage Language) : ChatCommand(Language);

/// <summary>Two or more readings remain (查看 T021 or 标记 T021 完成?): the bot asks, with a button per reading, and changes nothing.</summary>
public sealed record ClarifyCommand(IReadOnlyList<ChatCommand> Readings, ReplyLanguage Language) : ChatCommand(Language);
