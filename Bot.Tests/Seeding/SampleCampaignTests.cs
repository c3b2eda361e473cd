using System.Text.RegularExpressions;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Ledger;
using CampaignBot.Seeding;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Seeding;

public class SampleCampaignTests
{
    [Theory]
    [InlineData("2026-06-15")]
    [InlineData("2026-11-26")]
    [InlineData("2027-01-02")]
    public void Build_OnAnyDay_HasDoneDueSoonAndOverdueTasks(string day)
    {
        var today = DateOnly.Parse(day);
        var plan = SampleCampaign.Build(today);
        var done = SampleCampaign.Completed(today).Select(c => c.Code).ToHashSet();

        Assert.True(plan.Tasks.Count >= 30);
        Assert.Contains(plan.Tasks, t => done.Contains(t.Code));
        Assert.Contains(plan.Tasks, t => !done.Contains(t.Code) && t.DueOn < today);
        Assert.Contains(plan.Tasks, t => !done.Contains(t.Code) && t.DueOn >= today && t.DueOn <= today.AddDays(7));
        Assert.All(plan.Tasks, t => Assert.True(t.DueOn.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), t.Code));
        Assert.All(plan.Tasks, t => Assert.False(string.IsNullOrEmpty(t.EvaluationItem) || t.Owner is null, t.Code));
    }

    [Fact]
    public void Offices_AreThoseTheSpeechNames()
    {
        Assert.Superset(
            new HashSet<string> { "领导小组办公室", "综合组", "材料组", "行政组" },
            SampleCampaign.Offices.Select(o => o.Name).ToHashSet());
        Assert.True(SampleCampaign.Offices.Count(o => o.Kind == "committee") >= 3);
        Assert.Contains(SampleCampaign.People, p => p.Accounts.Contains("sample-coordinator") && p.Role == Roles.Coordinator);
    }

    [Fact]
    public async Task Readme_ListsEverySamplePersonWithAccountOfficeAndRole()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md"));
        await using var database = await TestDatabase.CreateAsync();
        var accounts = await new DirectoryRepository(database.Database).AccountsByPersonAsync();

        foreach (var person in await new DirectoryRepository(database.Database).PeopleAsync())
        {
            var account = Assert.Single(accounts[person.Id]);
            var row = new Regex($@"^\|\s*`{Regex.Escape(account)}`\s*\|\s*{person.Name}\s*\|\s*{person.OfficeName}\s*\|", RegexOptions.Multiline);
            Assert.True(row.IsMatch(readme), $"README.md has no row for {account} ({person.Name}, {person.OfficeName})");
        }
    }
}
