using System.ComponentModel.DataAnnotations;
using CampaignBot.Understanding.Commands;

namespace CampaignBot;

/// <summary>The campaign as configured in appsettings.json, section "Campaign".</summary>
public sealed class CampaignOptions
{
    public const string Section = "Campaign";

    /// <summary>The name a new campaign gets when a plan is imported into an empty ledger.</summary>
    [Required]
    public string Name { get; set; } = "创建全国文明单位";

    /// <summary>IANA time zone in which deadlines are calendar dates.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Language of replies when the message does not tell (a bare task code, a date).</summary>
    public ReplyLanguage DefaultLanguage { get; set; } = ReplyLanguage.Chinese;

    /// <summary>
    /// Where people talk to the bot (the Web Chat page, a Teams link). Group-robot messages name it,
    /// since a robot cannot hear "完成" replies; empty, they point to the bot's chat in general.
    /// </summary>
    public string? ChatUrl { get; set; }

    /// <summary>Seed the sample campaign from the 2020 speech into an empty ledger.</summary>
    public bool SeedSampleCampaign { get; set; } = true;

    /// <summary>The sample carries the speech's recurring duties (周四学习, 中心组学习, 三会一课, 我们的节日).</summary>
    public bool SampleRecurringDuties { get; set; } = true;

    /// <summary>
    /// How far ahead a new deadline may be (an import's 截止日期, an approved extension): a typo
    /// such as 9999-12-31 is refused. Three years, the cycle of the 全国文明单位 evaluation.
    /// </summary>
    [Range(1, 36_500)]
    public int MaxDeadlineDaysAhead { get; set; } = 1_095;

    /// <summary>The latest deadline allowed today, in the campaign's time zone.</summary>
    public DateOnly LatestDueOn(TimeProvider time) =>
        new Scheduling.Time.CampaignClock(time, Scheduling.Time.CampaignClock.FindZone(TimeZone)).Today.AddDays(MaxDeadlineDaysAhead);
}
