using CampaignBot.Robots;

namespace CampaignBot.Hosting;

/// <summary>After the ledger is ready and before the scheduler starts: bring the robot table in line with appsettings.json.</summary>
public sealed class RobotStartup(ConfiguredRobots robots) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => robots.SyncAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
