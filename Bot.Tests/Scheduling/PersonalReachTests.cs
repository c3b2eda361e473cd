using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;

namespace CampaignBot.Tests.Scheduling;

/// <summary>
/// Every message has a person to go to: an office with no chat is reached through its people's 1:1
/// chats (the owner and the lead by default), the coordinators and leaders through theirs when the
/// leadership office has no chat, each person once per send time; a bound chat replaces them.
/// </summary>
public class PersonalReachTests
{
    // Office 1 (爱卫科): lead 11, members 12 (owner of the task) and 13. Office 2 (宣传科): lead 21. Office 9: the leadership.
    // Coordinator 91, leader 92. Everyone but 13 has written to the bot in a 1:1 chat.
    private static readonly MessageTarget Lead1 = new ChatTarget("directline", "lead-1");
    private static readonly MessageTarget Owner1 = new ChatTarget("directline", "owner-1");
    private static readonly MessageTarget Lead2 = new ChatTarget("directline", "lead-2");
    private static readonly MessageTarget Coordinator = new ChatTarget("directline", "coordinator");
    private static readonly MessageTarget Leader = new ChatTarget("directline", "leader");
    private static readonly MessageTarget LeadersGroup = new ChatTarget("msteams", "leaders-group");
    private static readonly MessageTarget Office1Group = new ChatTarget("msteams", "office-1-group");

    private static readonly DateOnly Monday = new(2026, 6, 15);

    private static ReminderTargets Targets(
        IReadOnlyDictionary<long, IReadOnlyList<MessageTarget>>? byOffice = null, IReadOnlyList<MessageTarget>? leadership = null,
        IReadOnlyDictionary<long, IReadOnlyList<MessageTarget>>? byPerson = null) =>
        new(byOffice ?? new Dictionary<long, IReadOnlyList<MessageTarget>>(), byPerson ?? new Dictionary<long, IReadOnlyList<MessageTarget>>(), leadership ?? [])
        {
            Personal = new Dictionary<long, MessageTarget> { [11] = Lead1, [12] = Owner1, [21] = Lead2, [91] = Coordinator, [92] = Leader },
            OfficeLeads = new Dictionary<long, IReadOnlyList<long>> { [1] = [11], [2] = [21] },
            OfficePeople = new Dictionary<long, IReadOnlyList<long>> { [1] = [11, 12, 13], [2] = [21], [9] = [91, 92] },
            Coordinators = [91],
            Leaders = [92],
        };

    private static ReminderOptions Policy(params UnboundOfficeRecipient[] recipients) => new() { UnboundOfficeRecipients = recipients };

    /// <summary>Due today (Monday), led by office 1 and owned by 12, with office 2 helping; and one due today led by office 1 alone.</summary>
    private static readonly ReminderTask[] Tasks =
    [
        new(1, Monday, 1, [2], 12, false),
        new(2, Monday, 1, [], 12, false),
    ];

    private static IReadOnlyList<PlannedReminder> Plan(ReminderTargets targets, ReminderOptions? policy = null, IEnumerable<ReminderTask>? tasks = null) =>
        ReminderPlanner.PlanDay(Monday.AddDays(1), tasks ?? Tasks.Select(t => t with { DueOn = Monday.AddDays(1) }), policy ?? new ReminderOptions(), WorkdayCalendar.WeekdaysOnly, targets);

    [Fact]
    public void AnOfficeWithNoChat_ReachesTheOwnerAndTheLead_AndTheCoOfficesLead_EachTaskOncePerPerson()
    {
        var planned = Plan(Targets());

        Assert.Equal(
            [(1L, Owner1), (1L, Lead1), (1L, Lead2), (2L, Owner1), (2L, Lead1)],
            planned.Select(r => (r.TaskId!.Value, r.Target)).ToList());
        // The outbox joins a chat's reminders into one message: three people, three messages.
        Assert.Equal(3, planned.Select(r => r.Target).Distinct().Count());
    }

    [Fact]
    public void AnOfficeWithAChat_IsReachedThere_NotThroughItsPeople()
    {
        var planned = Plan(Targets(byOffice: new Dictionary<long, IReadOnlyList<MessageTarget>> { [1] = [Office1Group] }));

        Assert.DoesNotContain(planned, r => r.Target == Owner1 || r.Target == Lead1);
        Assert.Equal([(1L, Office1Group), (1L, Lead2), (2L, Office1Group)], planned.Select(r => (r.TaskId!.Value, r.Target)).ToList());
    }

    [Theory]
    [InlineData(new[] { UnboundOfficeRecipient.Lead }, new[] { "lead-1", "lead-2" })]
    [InlineData(new[] { UnboundOfficeRecipient.Owner }, new[] { "owner-1" })]
    // 13 has no 1:1 chat with the bot: everyone who has one.
    [InlineData(new[] { UnboundOfficeRecipient.Everyone }, new[] { "lead-1", "owner-1", "lead-2" })]
    [InlineData(new[] { UnboundOfficeRecipient.None }, new string[0])]
    public void WhoGetsAnUnboundOfficesReminders_IsConfigurable(UnboundOfficeRecipient[] recipients, string[] chats)
    {
        var planned = Plan(Targets(), Policy(recipients), [Tasks[0] with { DueOn = Monday.AddDays(1) }]);

        Assert.Equal(chats, planned.Select(r => ((ChatTarget)r.Target).ConversationId).ToArray());
    }

    [Fact]
    public void NobodyToGoTo_TheOfficeIsUnreached_OtherwiseItIsReachedThroughPeople()
    {
        var nobody = Targets() with { Personal = new Dictionary<long, MessageTarget> { [21] = Lead2 } };
        var day = Monday.AddDays(1);
        var tasks = Tasks.Select(t => t with { DueOn = day }).ToList();

        Assert.Equal([(1L, 1L), (2L, 1L)], ReminderPlanner.UnreachedOn(day, tasks, new ReminderOptions(), WorkdayCalendar.WeekdaysOnly, nobody).Select(u => (u.TaskId, u.OfficeId)));
        Assert.Empty(ReminderPlanner.UnreachedOn(day, tasks, new ReminderOptions(), WorkdayCalendar.WeekdaysOnly, Targets()));
        var reached = ReminderPlanner.ThroughPeopleOn(day, tasks, new ReminderOptions(), WorkdayCalendar.WeekdaysOnly, Targets());
        Assert.Equal([(1L, 1L, "12,11"), (1L, 2L, "21"), (2L, 1L, "12,11")], reached.Select(r => (r.TaskId, r.OfficeId, string.Join(",", r.People))));
        Assert.Equal([true, true], Targets().Reach(tasks, ReminderOptions.DefaultUnboundOfficeRecipients).Select(r => r.ThroughPeople));
    }

    [Fact]
    public void NoLeadershipChat_EscalationsGoToTheCoordinators_AndTheReportToCoordinatorsAndLeaders()
    {
        // Due Wednesday 10 June: the third overdue workday is Monday 15 June, the report's day.
        var planned = ReminderPlanner.PlanDay(Monday, [new ReminderTask(1, Monday.AddDays(-5), 1, [], 12, false)], new ReminderOptions(), WorkdayCalendar.WeekdaysOnly, Targets());

        Assert.Equal([Coordinator], planned.Where(r => r.Kind == ReminderKinds.Escalation).Select(r => r.Target));
        Assert.Equal([Coordinator, Leader], planned.Where(r => r.Kind == ReminderKinds.Report).Select(r => r.Target));
    }

    [Fact]
    public void ABoundLeadershipChat_ReplacesThePersonalSends_ButALeaderWhoSubscribedGetsTheReportToo()
    {
        var bound = Targets(leadership: [LeadersGroup]);
        var subscribed = Targets(leadership: [LeadersGroup], byPerson: new Dictionary<long, IReadOnlyList<MessageTarget>> { [92] = [Leader] });
        var overdue = new ReminderTask(1, Monday.AddDays(-5), 1, [], 12, false);

        var planned = ReminderPlanner.PlanDay(Monday, [overdue], new ReminderOptions(), WorkdayCalendar.WeekdaysOnly, bound);
        Assert.Equal([LeadersGroup], planned.Where(r => r.Kind == ReminderKinds.Escalation).Select(r => r.Target));
        Assert.Equal([LeadersGroup], planned.Where(r => r.Kind == ReminderKinds.Report).Select(r => r.Target));

        var withLeader = ReminderPlanner.PlanDay(Monday, [overdue], new ReminderOptions(), WorkdayCalendar.WeekdaysOnly, subscribed);
        Assert.Equal([LeadersGroup, Leader], withLeader.Where(r => r.Kind == ReminderKinds.Report).Select(r => r.Target));
    }

    [Fact]
    public void AnOwnerWhoSubscribedAndIsReachedForTheOffice_GetsEachTaskOnce()
    {
        var planned = Plan(Targets(byPerson: new Dictionary<long, IReadOnlyList<MessageTarget>> { [12] = [Owner1] }));

        Assert.Equal(2, planned.Count(r => r.Target == Owner1));
    }
}
