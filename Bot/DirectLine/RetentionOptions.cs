using System.ComponentModel.DataAnnotations;

namespace CampaignBot.DirectLine;

/// <summary>
/// How long what people send is kept ("Retention" in appsettings.json), applied by
/// <see cref="RetentionSweep"/> every <see cref="SweepHours"/>. Evidence, the ledger and its audit are
/// never swept: only the Web Chat transcript, the miss log and uploads that never became evidence.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Web Chat messages (directline_activity) older than this are deleted…</summary>
    [Range(1, 36500)]
    public int DirectLineActivityDays { get; set; } = 180;

    /// <summary>…except each conversation's latest ones, so a person's page still opens on its recent history.</summary>
    [Range(1, 10_000)]
    public int KeepRecentActivities { get; set; } = 200;

    /// <summary>Messages the bot did not understand (understanding_miss): the report looks back 30 days by default.</summary>
    [Range(1, 36500)]
    public int UnderstandingMissDays { get; set; } = 90;

    /// <summary>Uploads that no evidence names are deleted (file and row) after this many days.</summary>
    [Range(1, 36500)]
    public int UnclaimedUploadDays { get; set; } = 30;

    [Range(1, 168)]
    public int SweepHours { get; set; } = 6;
}
