using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Data;

/// <summary>The ledger's queries on a real SQLite file with the sample campaign seeded on Monday 15 June 2026.</summary>
public class TaskRepositoryTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private TaskRepository tasks = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        tasks = new TaskRepository(database.Database);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<TaskScope> OfficeAsync(string name) =>
        TaskScope.ForOffice((await new DirectoryRepository(database.Database).FindOfficeAsync(name))!);

    [Fact]
    public async Task OpenDueBetween_Office_IncludesTasksItHelpsWith_SortedByDeadline()
    {
        var due = await tasks.OpenDueBetweenAsync(new DateOnly(2026, 6, 15), new DateOnly(2026, 6, 21), await OfficeAsync("综合组"));

        Assert.Equal(["T013", "T014"], due.Select(t => t.Code));
        Assert.Equal("材料组", due[0].LeadOfficeName);
    }

    [Fact]
    public async Task OpenDueBetween_Everything_ExcludesDoneTasks()
    {
        var due = await tasks.OpenDueBetweenAsync(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), TaskScope.Everything);

        Assert.Equal(37 - 10, due.Count);
        Assert.All(due, t => Assert.False(t.IsDone));
        Assert.Equal(due.OrderBy(t => t.DueOn).ThenBy(t => t.Code).Select(t => t.Code), due.Select(t => t.Code));
    }

    [Fact]
    public async Task Overdue_IsOpenTasksBeforeToday()
    {
        var overdue = await tasks.OverdueAsync(new DateOnly(2026, 6, 15), TaskScope.Everything);

        Assert.Equal(["T010", "T011", "T012"], overdue.Select(t => t.Code));
    }

    [Fact]
    public async Task Progress_CountsDoneTotalAndOverduePerLeadOffice()
    {
        var progress = await tasks.ProgressByLeadOfficeAsync(new DateOnly(2026, 6, 15));

        Assert.Equal((37, 10, 3), (progress.Sum(p => p.Total), progress.Sum(p => p.Done), progress.Sum(p => p.Overdue)));
        var office = Assert.Single(progress, p => p.OfficeName == "机关党委");
        Assert.Equal((6, 3, 1), (office.Total, office.Done, office.Overdue));
    }

    [Fact]
    public async Task MarkDone_Twice_SecondChangesNothing()
    {
        var task = (await tasks.FindByCodeAsync("T014"))!;

        var first = await database.Database.WriteAsync((_, t) => tasks.MarkDoneAsync(t, task.Id, task.OwnerId!.Value, database.Time.GetUtcNow()));
        var second = await database.Database.WriteAsync((_, t) => tasks.MarkDoneAsync(t, task.Id, task.OwnerId!.Value, database.Time.GetUtcNow().AddMinutes(1)));

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(database.Time.GetUtcNow(), (await tasks.FindByCodeAsync("T014"))!.DoneAt);
    }
}
