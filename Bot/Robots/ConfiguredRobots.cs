using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Security;
using Dapper;
using Microsoft.Extensions.Options;

namespace CampaignBot.Robots;

/// <summary>
/// Makes the robot table agree with appsettings.json's "Robots" list: listed robots are added or
/// updated, robots that came from the configuration and are no longer listed are removed; robots a
/// coordinator added in chat are left alone. An entry naming an unknown office is logged and skipped.
/// </summary>
public sealed class ConfiguredRobots(LedgerDatabase database, DirectoryRepository directory, RobotRepository robots, IOptions<List<RobotEntry>> entries, RobotWebhookPolicy webhooks, TimeProvider time, ILogger<ConfiguredRobots> logger)
{
    public Task<int> SyncAsync(CancellationToken cancellationToken) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var offices = await directory.OfficesAsync(transaction);
            var kept = new List<long>();
            foreach (var (entry, index) in entries.Value.Select((e, i) => (e, i)))
            {
                var office = offices.FirstOrDefault(o => o.Names.Contains(entry.Office.Trim(), StringComparer.OrdinalIgnoreCase));
                if (office is null || !webhooks.Allows(entry.Url))
                {
                    // Masked: the webhook address carries the robot's credential.
                    logger.LogError("Robots:{Index} is skipped: {Problem} ({Url})", index,
                        office is null ? $"no office called '{entry.Office}'" : $"the Url is not under {string.Join(" or ", webhooks.AllowedBases)} (RobotWebhooks:AllowedBaseUrls)",
                        RobotSecrets.MaskUrl(entry.Url));
                    continue;
                }

                kept.Add(await robots.UpsertAsync(transaction, office.Id, entry.Kind, entry.Url.Trim(), entry.Secret, "config", time.GetUtcNow()));
            }

            await robots.RemoveConfiguredExceptAsync(transaction, kept);
            return kept.Count;
        }, cancellationToken);
}
