using CampaignBot.Data;
using CampaignBot.Seeding;
using Microsoft.Extensions.Options;

namespace CampaignBot.Hosting;

/// <summary>Before the bot takes requests: bring the schema up to date, then seed the sample campaign if asked to.</summary>
public sealed class LedgerStartup(SchemaMigrator migrator, SampleCampaignSeeder seeder, IOptions<CampaignOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        if (options.Value.SeedSampleCampaign)
        {
            await seeder.SeedIfEmptyAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
