using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// Where reminders can go: chats bound to each office, 1:1 chats of people who subscribed to their
/// own tasks, and the chats of the leadership group office (escalations and the weekly report).
/// A target is a chat or a group robot (<see cref="MessageTarget"/>).
/// </summary>
public sealed record ReminderTargets(
    IReadOnlyDictionary<long, IReadOnlyList<MessageTarget>> ByOffice,
    IReadOnlyDictionary<long, IReadOnlyList<MessageTarget>> ByPerson,
    IReadOnlyList<MessageTarget> Leadership)
{
    public static readonly ReminderTargets None = new(new Dictionary<long, IReadOnlyList<MessageTarget>>(), new Dictionary<long, IReadOnlyList<MessageTarget>>(), []);

    public IReadOnlyList<MessageTarget> ForOffice(long officeId) => ByOffice.TryGetValue(officeId, out var targets) ? targets : [];

    public IReadOnlyList<MessageTarget> ForPerson(long personId) => ByPerson.TryGetValue(personId, out var targets) ? targets : [];
}
