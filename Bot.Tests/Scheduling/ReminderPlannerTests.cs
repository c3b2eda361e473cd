using CampaignBot.Scheduling.Calendar;
using CampaignBot.Scheduling.Delivery;
using CampaignBot.Scheduling.Reminders;

namespace CampaignBot.Tests.Scheduling;

public class ReminderPlannerTests
{
    private static readonly ReminderOptions Policy = new();
    private static readonly MessageTarget Office = new ChatTarget("msteams", "office-1");
    private static readonly MessageTarget CoOffice = new ChatTarget("msteams", "office-2");
    private static readonly MessageTarget Leadership = new ChatTarget("msteams", "leaders");
    private static readonly MessageTarget Owner = new ChatTarget("msteams", "owner-dm");

    private static readonly ReminderTargets Targets = new(
        new Dictionary<long, IReadOnlyList<MessageTarget>> { [1] = [Office], [2] = [CoOffice], [9] = [Leadership] },
        new Dictionary<long, IReadOnlyList<MessageTarget>> { [100] = [Owner] },
        [Leadership]);

    // 2026: 9月20日 (Sunday) and 10月10日 (Saturday) are make-up workdays; 10月1日-7日 are National Day holidays.
    private static readonly WorkdayCalendar Calendar2026 = new(new Dictionary<DateOnly, bool>
    {
        [new(2026, 9, 20)] = true,
        [new(2026, 10, 1)] = false, [new(2026, 10, 2)] = false, [new(2026, 10, 5)] = false,
        [new(2026, 10, 6)] = false, [new(2026, 10, 7)] = false,
        [new(2026, 10, 10)] = true,
    });

    private static ReminderTask Task(string due, bool done = false, long? owner = null, params long[] coOffices) =>
        new(1, DateOnly.Parse(due), 1, coOffices, owner, done);

    private static string? KindOn(string day, string due, IWorkdayCalendar? calendar = null) =>
        ReminderPlanner.KindOn(DateOnly.Parse(day), DateOnly.Parse(due), Policy, calendar ?? WorkdayCalendar.WeekdaysOnly);

    [Theory]
    [InlineData("2026-06-19", "due-7")]
    [InlineData("2026-06-23", "due-3")]
    [InlineData("2026-06-25", "due-1")]
    [InlineData("2026-06-26", "due-0")]
    [InlineData("2026-06-22", null)]
    [InlineData("2026-06-24", null)]
    [InlineData("2026-06-18", null)]
    public void KindOn_FridayDeadline_EachOffset(string day, string? kind)
    {
        Assert.Equal(kind, KindOn(day, "2026-06-26"));
    }

    [Theory]
    // Monday 29 June: T-1 (Sunday) and T-3 (Friday) both land on Friday 26th; the more urgent speaks.
    [InlineData("2026-06-26", "due-1")]
    [InlineData("2026-06-22", "due-7")]
    [InlineData("2026-06-29", "due-0")]
    [InlineData("2026-06-25", null)]
    public void KindOn_OffsetOnWeekend_MovesToPreviousWorkday(string day, string? kind)
    {
        Assert.Equal(kind, KindOn(day, "2026-06-29"));
    }

    [Fact]
    public void KindOn_OffsetOnMakeUpWorkday_StaysOnIt()
    {
        // Due Monday 21 Sept: T-1 is Sunday 20 Sept, an official make-up workday.
        Assert.Equal("due-1", KindOn("2026-09-20", "2026-09-21", Calendar2026));
        Assert.Equal("due-3", KindOn("2026-09-18", "2026-09-21", Calendar2026));
        Assert.Null(KindOn("2026-09-19", "2026-09-21", Calendar2026));
    }

    [Theory]
    // Due Thursday 1 Oct, a holiday: the day-of reminder moves to 30 Sept; overdue days skip the
    // holiday week and count Saturday 10 Oct, a make-up workday.
    [InlineData("2026-09-30", "due-0")]
    [InlineData("2026-09-28", "due-3")]
    [InlineData("2026-10-08", "overdue-1")]
    [InlineData("2026-10-09", "overdue-2")]
    [InlineData("2026-10-10", "overdue-3")]
    [InlineData("2026-10-12", null)]
    public void KindOn_DeadlineOnHoliday_FollowsTheCalendar(string day, string? kind)
    {
        Assert.Equal(kind, KindOn(day, "2026-10-01", Calendar2026));
    }

    [Fact]
    public void PlanDay_OverdueWorkdays_RemindOfficeThenEscalateOnTheThird()
    {
        var task = Task("2026-06-26");

        var monday = ReminderPlanner.PlanDay(new(2026, 6, 29), [task], Policy, WorkdayCalendar.WeekdaysOnly, Targets);
        var wednesday = ReminderPlanner.PlanDay(new(2026, 7, 1), [task], Policy, WorkdayCalendar.WeekdaysOnly, Targets);
        var thursday = ReminderPlanner.PlanDay(new(2026, 7, 2), [task], Policy, WorkdayCalendar.WeekdaysOnly, Targets);

        Assert.Equal([("overdue-1", Office)], monday.Where(r => r.TaskId is not null).Select(r => (r.Kind, r.Target)));
        Assert.Equal([("overdue-3", Office), ("escalation", Leadership)], wednesday.Select(r => (r.Kind, r.Target)));
        Assert.Empty(thursday);
    }

    [Fact]
    public void PlanDay_DoneTask_GetsNoReminder()
    {
        Assert.Empty(ReminderPlanner.PlanDay(new(2026, 6, 26), [Task("2026-06-26", done: true)], Policy, WorkdayCalendar.WeekdaysOnly, Targets));
    }

    [Fact]
    public void PlanDay_DayOff_SendsNothing()
    {
        Assert.Empty(ReminderPlanner.PlanDay(new(2026, 6, 27), [Task("2026-06-27")], Policy, WorkdayCalendar.WeekdaysOnly, Targets));
        Assert.Empty(ReminderPlanner.PlanDay(new(2026, 10, 1), [Task("2026-10-01")], Policy, Calendar2026, Targets));
    }

    [Fact]
    public void PlanDay_TaskGoesToLeadCoOfficeAndSubscribedOwner()
    {
        var planned = ReminderPlanner.PlanDay(new(2026, 6, 26), [Task("2026-06-26", owner: 100, coOffices: 2)], Policy, WorkdayCalendar.WeekdaysOnly, Targets);

        Assert.Equal([Office, CoOffice, Owner], planned.Select(r => r.Target));
        Assert.All(planned, r => Assert.Equal((1L, new DateOnly(2026, 6, 26), "due-0"), (r.TaskId!.Value, r.Occurrence, r.Kind)));
    }

    [Fact]
    public void PlanDay_OfficeWithoutChat_GetsNothing()
    {
        var unbound = new ReminderTask(7, new DateOnly(2026, 6, 26), LeadOfficeId: 42, [], null, false);

        Assert.Empty(ReminderPlanner.PlanDay(new(2026, 6, 26), [unbound], Policy, WorkdayCalendar.WeekdaysOnly, Targets));
    }

    [Theory]
    [InlineData("2026-06-15", "2026-06-15")]
    // 2026-10-05 is a Monday holiday and 10-06, 10-07 too: the report goes out on Thursday the 8th.
    [InlineData("2026-10-08", "2026-10-05")]
    public void PlanDay_WeeklyReport_OnReportDayOrNextWorkdayOfTheWeek(string day, string monday)
    {
        var planned = ReminderPlanner.PlanDay(DateOnly.Parse(day), [], Policy, Calendar2026, Targets);

        var report = Assert.Single(planned);
        Assert.Equal((null, DateOnly.Parse(monday), ReminderKinds.Report, Leadership), (report.TaskId, report.Occurrence, report.Kind, report.Target));
    }

    [Fact]
    public void PlanDay_CustomPolicy_IsFollowed()
    {
        var policy = new ReminderOptions { DaysBeforeDeadline = [2], OverdueReminderWorkdays = 1, EscalateOnOverdueWorkday = 2 };
        var task = Task("2026-06-26");
        string[] Kinds(string day) => ReminderPlanner.PlanDay(DateOnly.Parse(day), [task], policy, WorkdayCalendar.WeekdaysOnly, Targets)
            .Where(r => r.TaskId is not null).Select(r => r.Kind).ToArray();

        Assert.Equal(["due-2"], Kinds("2026-06-24"));
        Assert.Empty(Kinds("2026-06-26"));
        Assert.Equal(["overdue-1"], Kinds("2026-06-29"));
        Assert.Equal(["escalation"], Kinds("2026-06-30"));
    }

    [Theory]
    [InlineData("due-3", "2026-06-26", "2026-06-26")]
    [InlineData("overdue-1", "2026-06-26", "2026-07-01")]
    [InlineData("escalation", "2026-06-26", "2026-07-01")]
    public void UsefulUntil_IsDeadlineOrEndOfOverdueWindow(string kind, string due, string until)
    {
        Assert.Equal(DateOnly.Parse(until), ReminderPlanner.UsefulUntil(kind, DateOnly.Parse(due), Policy, WorkdayCalendar.WeekdaysOnly));
    }
}
