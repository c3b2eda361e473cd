using CampaignBot.Data;
using CampaignBot.Seeding;
using Microsoft.Extensions.Options;

namespace CampaignBot.Hosting;

/// <summary>Before the bot takes requests: bring the schema up to date, load the shipped holiday calendar, then seed the sample campaign if asked to.</summary>
public sealed class LedgerStartup(SchemaMigrator migrator, Reminders.OfficialCalendar calendar, SampleCampaignSeeder seeder, IOptions<CampaignOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await calendar.SyncAsync(cancellationToken);
        if (options.Value.SeedSampleCampaign)
        {
            await seeder.SeedIfEmptyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
