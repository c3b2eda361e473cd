using CampaignBot.Chat.Outgoing;
using CampaignBot.Chat.Replies;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Chat.Handlers;

/// <summary>本周通报: the weekly report and its chart on demand, as the Monday send has it, for leaders and coordinators.</summary>
public sealed class ReportHandler(WeeklyReportWriter report, CampaignClock clock)
{
    public async Task<ChatReply> ReportAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        Ledger.Permissions.SeesWholeCampaign(turn.Actor.Person)
            ? await report.WriteAsync(turn.Texts, turn.Today, clock.UtcNow, withChart: true, cancellationToken)
            : new ChatReply(turn.Texts.ReportLeadersAndCoordinatorsOnly);
}
