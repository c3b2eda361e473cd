using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Security;

namespace CampaignBot.Ledger;

/// <summary>Robots a coordinator adds in chat (the configured ones are synced by <see cref="ConfiguredRobots"/>).</summary>
public sealed class RobotAdministration(LedgerDatabase database, AuditRepository audit, DirectoryRepository directory, RobotRepository robots, RobotWebhookPolicy webhooks, TimeProvider time)
{
    /// <summary>
    /// Adds a group robot to the office named; the audit keeps only masked credentials. Who may add
    /// one is checked first, so a refused actor learns nothing else (not even which offices exist).
    /// </summary>
    public async Task<RobotAdditionOutcome> AddAsync(ChatActor actor, string officeName, RobotKind kind, string url, string? secret, CancellationToken cancellationToken = default)
    {
        if (!Permissions.CanAdminister(actor.Person) || actor.Person is not { } person)
        {
            return new RobotAdditionOutcome.NotPermitted();
        }

        if (await directory.FindOfficeAsync(officeName, cancellationToken) is not { } office)
        {
            return new RobotAdditionOutcome.UnknownOffice(officeName);
        }

        if (!webhooks.Allows(url))
        {
            return new RobotAdditionOutcome.UrlNotAllowed(webhooks.AllowedBases.ToList());
        }

        return await database.WriteAsync<RobotAdditionOutcome>(async (connection, transaction) =>
        {
            var id = await robots.UpsertAsync(transaction, office.Id, kind, url, secret, "chat", time.GetUtcNow());
            await audit.AppendAsync(transaction, AuditEntry.ByChat(actor, person, time.GetUtcNow(), "robot.add", "robot", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { }, new { Office = office.Name, Kind = RobotRepository.StoredKind(kind), Url = RobotSecrets.MaskUrl(url), Secret = RobotSecrets.Mask(secret) }));
            return new RobotAdditionOutcome.Added(id, office);
        }, cancellationToken);
    }
}
