using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding;

/// <summary>
/// The date a message names, wherever it stands: the window a question asks about, and the single
/// day a change needs (an extension's new deadline, a snooze's day).
/// </summary>
/// <param name="Window">What a question about due tasks covers: "by Friday" is today to Friday.</param>
/// <param name="Day">The one day named, when one was (下周五, 7月15日, 3天后); null for 下周 or a range.</param>
/// <param name="IsWeekday">Named by weekday only (周五, friday): a reminder for a weekday already past means next week's.</param>
public sealed record DateFinding(DateWindow? Window, DateOnly? Day, InvalidInput? Error, string Words, int Start, int End, bool IsWeekday)
{
    /// <summary>Counted from today (3天后, 元旦后) rather than named: a reminder or deadline set by it lands on a workday.</summary>
    public bool IsComputed { get; init; }
}
