namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// How an office's reminders reach it: through a chat bound to it or a robot, else through the 1:1
/// chats of its people (<see cref="People"/>, by person id), else not at all.
/// </summary>
public sealed record OfficeReach(long OfficeId, bool ByChat, IReadOnlyList<long> People)
{
    public bool IsReached => ByChat || People.Count > 0;

    public bool ThroughPeople => !ByChat && People.Count > 0;
}
