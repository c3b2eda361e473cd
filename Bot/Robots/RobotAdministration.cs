using CampaignBot.Data;
using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Security;

namespace CampaignBot.Robots;

/// <summary>Robots a coordinator adds in chat (the configured ones are synced by <see cref="ConfiguredRobots"/>).</summary>
public sealed class RobotAdministration(LedgerDatabase database, RobotRepository robots, TimeProvider time)
{
    /// <summary>Adds a group robot to an office; the audit keeps only masked credentials.</summary>
    public Task<ChangeResult<long>> AddAsync(ChatActor actor, Office office, RobotKind kind, string url, string? secret, CancellationToken cancellationToken = default) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            if (actor.Person is not { IsCoordinator: true } person)
            {
                return ChangeResult<long>.Of(ChangeOutcome.NotPermitted);
            }

            var id = await robots.UpsertAsync(transaction, office.Id, kind, url, secret, "chat", time.GetUtcNow());
            await AuditRepository.AppendAsync(connection, transaction, AuditEntry.ByChat(actor, person, time.GetUtcNow(), "robot.add", "robot", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { }, new { Office = office.Name, Kind = RobotRepository.StoredKind(kind), Url = RobotSecrets.MaskUrl(url), Secret = RobotSecrets.Mask(secret) }));
            return ChangeResult<long>.Of(ChangeOutcome.Changed, id);
        }, cancellationToken);
}
