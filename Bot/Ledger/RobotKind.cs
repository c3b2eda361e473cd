namespace CampaignBot.Ledger;

/// <summary>Which service a group robot posts to; the robot table keeps it as "dingtalk" or "wecom" (see <see cref="RobotRepository"/>).</summary>
public enum RobotKind
{
    DingTalk,
    WeCom,
}
