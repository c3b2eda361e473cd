using System.ComponentModel.DataAnnotations;
using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;

namespace CampaignBot.Robots;

/// <summary>One group robot in appsettings.json: the section "Robots" is a list of these.</summary>
public sealed class RobotEntry
{
    /// <summary>The office whose reminders go to the robot's group (name or alias).</summary>
    [Required]
    public string Office { get; set; } = "";

    public RobotKind Kind { get; set; }

    /// <summary>The webhook address, with its access_token (DingTalk) or key (WeCom); a secret too.</summary>
    [Required]
    [Url]
    public string Url { get; set; } = "";

    /// <summary>DingTalk's signing secret (加签, starts with SEC); empty when the robot is not signed.</summary>
    public string? Secret { get; set; }
}
