using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Scheduling.Reminders;

/// <summary>
/// Where reminders can go: chats bound to each office, 1:1 chats of people who subscribed to their
/// own tasks, and the chats of the leadership group office (escalations and the weekly report).
/// A target is a chat or a group robot (<see cref="MessageTarget"/>).
/// </summary>
/// <remarks>
/// Every message has a person to go to: where no chat is bound, the 1:1 chats people have with the
/// bot (<see cref="Personal"/>) stand in. An office with no chat and no robot is reached through its
/// people (<see cref="ForTaskOffice"/>); the coordinators through theirs when the leadership office
/// has none; leaders get the report in theirs. A bound chat replaces the personal sends it stands
/// for, so that nobody in it is told the same thing twice.
/// </remarks>
public sealed record ReminderTargets(
    IReadOnlyDictionary<long, IReadOnlyList<MessageTarget>> ByOffice,
    IReadOnlyDictionary<long, IReadOnlyList<MessageTarget>> ByPerson,
    IReadOnlyList<MessageTarget> Leadership)
{
    public static readonly ReminderTargets None = new(new Dictionary<long, IReadOnlyList<MessageTarget>>(), new Dictionary<long, IReadOnlyList<MessageTarget>>(), []);

    /// <summary>Each person's own 1:1 chat with the bot, for those who have one and did not opt out (退订).</summary>
    public IReadOnlyDictionary<long, MessageTarget> Personal { get; init; } = new Dictionary<long, MessageTarget>();

    /// <summary>The leads (负责人) of each office, by person id.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<long>> OfficeLeads { get; init; } = new Dictionary<long, IReadOnlyList<long>>();

    /// <summary>Everyone of each office, by person id.</summary>
    public IReadOnlyDictionary<long, IReadOnlyList<long>> OfficePeople { get; init; } = new Dictionary<long, IReadOnlyList<long>>();

    /// <summary>The coordinators (协调员), by person id.</summary>
    public IReadOnlyList<long> Coordinators { get; init; } = [];

    /// <summary>The leaders (领导), by person id.</summary>
    public IReadOnlyList<long> Leaders { get; init; } = [];

    public IReadOnlyList<MessageTarget> ForOffice(long officeId) => ByOffice.TryGetValue(officeId, out var targets) ? targets : [];

    public IReadOnlyList<MessageTarget> ForPerson(long personId) => ByPerson.TryGetValue(personId, out var targets) ? targets : [];

    /// <summary>
    /// The people through whom a task's reminders reach one of its offices when nothing is bound to
    /// it: those <paramref name="recipients"/> names who have a personal chat. Empty when the office
    /// has a chat or a robot.
    /// </summary>
    public IReadOnlyList<long> PeopleReaching(ReminderTask task, long officeId, IReadOnlyList<UnboundOfficeRecipient> recipients)
    {
        if (ForOffice(officeId).Count > 0)
        {
            return [];
        }

        var people = new List<long>();
        foreach (var recipient in recipients)
        {
            people.AddRange(recipient switch
            {
                UnboundOfficeRecipient.Owner when officeId == task.LeadOfficeId && task.OwnerId is { } owner => [owner],
                UnboundOfficeRecipient.Lead => OfficeLeads.GetValueOrDefault(officeId) ?? [],
                UnboundOfficeRecipient.Everyone => OfficePeople.GetValueOrDefault(officeId) ?? [],
                _ => [],
            });
        }

        return people.Distinct().Where(Personal.ContainsKey).ToList();
    }

    /// <summary>Where a task's reminders for one of its offices go: its chats and robots, or else the personal chats of its people.</summary>
    public IReadOnlyList<MessageTarget> ForTaskOffice(ReminderTask task, long officeId, IReadOnlyList<UnboundOfficeRecipient> recipients) =>
        ForOffice(officeId) is { Count: > 0 } bound ? bound : PersonalChats(PeopleReaching(task, officeId, recipients));

    /// <summary>The coordinators (escalations): the leadership group office's chats and robots, or else each coordinator's personal chat.</summary>
    public IReadOnlyList<MessageTarget> ForCoordinators() => Leadership.Count > 0 ? Leadership : PersonalChats(Coordinators);

    /// <summary>
    /// The weekly report: the leadership group office's chats and robots, or else the personal chats
    /// of the coordinators and leaders; and a leader who subscribed a 1:1 chat (订阅我的提醒) gets it
    /// there as well, since a leader need not be in the coordinators' group.
    /// </summary>
    public IReadOnlyList<MessageTarget> ForReport() =>
        (Leadership.Count > 0 ? Leadership : PersonalChats(Coordinators.Concat(Leaders)))
            .Concat(Leaders.SelectMany(ForPerson))
            .Distinct()
            .ToList();

    /// <summary>How each office that leads or helps with one of <paramref name="tasks"/> is reached, in office id order.</summary>
    public IReadOnlyList<OfficeReach> Reach(IEnumerable<ReminderTask> tasks, IReadOnlyList<UnboundOfficeRecipient> recipients) =>
        tasks.Where(t => !t.IsDone)
            .SelectMany(task => new[] { task.LeadOfficeId }.Concat(task.CoOfficeIds).Distinct().Select(office => (Task: task, Office: office)))
            .GroupBy(p => p.Office)
            .OrderBy(g => g.Key)
            .Select(g => ForOffice(g.Key).Count > 0
                ? new OfficeReach(g.Key, ByChat: true, [])
                : new OfficeReach(g.Key, ByChat: false, g.SelectMany(p => PeopleReaching(p.Task, g.Key, recipients)).Distinct().Order().ToList()))
            .ToList();

    private List<MessageTarget> PersonalChats(IEnumerable<long> people) =>
        people.Where(Personal.ContainsKey).Select(p => Personal[p]).Distinct().ToList();
}
