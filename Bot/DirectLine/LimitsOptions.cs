using System.ComponentModel.DataAnnotations;

namespace CampaignBot.DirectLine;

/// <summary>
/// What one account may put on the server through the embedded channel ("Limits" in
/// appsettings.json). The defaults are far above what a person does (a few messages a minute, a
/// handful of photos for a task) and far below what fills a disk: issue 25's 200 messages of 250 KB
/// in 2 s, ten 20 MB uploads in under a second. Accounts the ledger does not know (who may ask but
/// never change anything, and whose uploads can never become evidence) get the stricter set.
/// </summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>The most characters of text one message may have; a longer one is refused (413), not cut.</summary>
    [Range(100, 100_000)]
    public int MaxMessageCharacters { get; set; } = 4000;

    /// <summary>The most bytes of one activity's JSON (text, card values, channel data); files travel by upload.</summary>
    [Range(4, 256)]
    public int MaxActivityKilobytes { get; set; } = 32;

    /// <summary>For accounts linked to a person of the ledger.</summary>
    [Required]
    public AccountLimits Known { get; set; } = AccountLimits.KnownDefaults();

    /// <summary>For every other signed-in account.</summary>
    [Required]
    public AccountLimits Unknown { get; set; } = AccountLimits.UnknownDefaults();

    public int MaxActivityBytes => MaxActivityKilobytes * 1024;

    public AccountLimits For(bool known) => known ? Known : Unknown;
}
