namespace CampaignBot.Understanding.Commands;

/// <summary>申请延期 T017 到 7月15日 理由…: asks the coordinators to move a deadline.</summary>
public sealed record ExtendCommand(string Code, DateOnly NewDueOn, string? Reason, ReplyLanguage Language) : ChatCommand(Language)
{
    /// <summary>往后延一周, push it out by a week: the new deadline is the task's own, this many days later (the handler reads it).</summary>
    public int? ByDays { get; init; }
}
