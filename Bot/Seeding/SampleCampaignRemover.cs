using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.DirectLine;
using CampaignBot.Outbox;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CampaignBot.Seeding;

/// <summary>
/// From the sample campaign to the real plan, keeping the database file (its schema, workday
/// calendar and audit): removes the sample's tasks, offices, people, the chats bound to them (and
/// their 1:1 chats) and the sample people's Web Chat transcripts, in one transaction. It refuses, changing nothing,
/// when anything in the ledger is not the sample's (another task, office, person or robot, or a
/// real account linked to a sample person): that is real data, and removing it is not its job.
/// The seeder does not seed the sample again into a ledger it was removed from.
/// </summary>
public sealed class SampleCampaignRemover(LedgerDatabase database, AuditRepository audit, OutboxRepository outbox, TimeProvider time, IOptions<DirectLineOptions> directLine)
{
    public const string AuditAction = "campaign.sample-remove";

    public async Task<SampleRemoval> RemoveAsync(string actor, CancellationToken cancellationToken)
    {
        var (removal, attachmentIds) = await database.WriteAsync(async (connection, transaction) =>
        {
            var campaignId = await SampleCampaignRepository.CampaignIdAsync(connection, transaction, SampleCampaign.Name);
            if (campaignId is null)
            {
                return (new SampleRemoval(false, [], 0, 0, 0, 0, 0), (IReadOnlyList<string>)[]);
            }

            var refusals = await SampleCampaignRepository.RealDataAsync(connection, transaction, new SampleCampaignRepository.Sample(
                SampleCampaign.Offices.Select(o => o.Name).ToList(), SampleCampaign.People.Select(p => p.Name).ToList(),
                SampleCampaign.People.SelectMany(p => p.Accounts).ToList(), SampleCampaign.TaskCodes.ToList(), SampleCampaign.SeriesCodes.ToList(),
                SampleCampaign.TaskTitles.ToList()));
            if (refusals.Count > 0)
            {
                return (new SampleRemoval(true, refusals, 0, 0, 0, 0, 0), []);
            }

            var accounts = SampleCampaign.People.SelectMany(p => p.Accounts).ToArray();
            var transcripts = (await connection.QueryAsync<string>(
                "SELECT id FROM directline_conversation WHERE user_id IN @Accounts", new { Accounts = accounts }, transaction)).ToArray();
            var attachments = (await connection.QueryAsync<string>(
                "SELECT id FROM directline_attachment WHERE conversation_id IN @Ids", new { Ids = transcripts }, transaction)).AsList();
            var chats = await SampleCampaignRepository.ChatsAsync(connection, transaction, transcripts);

            // Children before parents: reminders and their messages (and the record of planned days), the chats, the transcripts, then the campaign itself.
            await outbox.ForgetAsync(transaction, chats, await SampleCampaignRepository.TaskIdsAsync(connection, transaction, campaignId.Value));
            await SampleCampaignRepository.RemoveChatsAsync(connection, transaction, transcripts);
            await connection.ExecuteAsync(
                """
                DELETE FROM directline_attachment WHERE conversation_id IN @Transcripts;
                DELETE FROM directline_activity WHERE conversation_id IN @Transcripts;
                DELETE FROM directline_conversation WHERE id IN @Transcripts;
                """,
                new { Transcripts = transcripts }, transaction);
            var (tasks, offices, people) = await SampleCampaignRepository.RemoveCampaignAsync(connection, transaction, campaignId.Value);

            var removal = new SampleRemoval(true, [], tasks, offices, people, chats.Count, transcripts.Length);
            await audit.AppendAsync(transaction, new AuditEntry
            {
                At = time.GetUtcNow(),
                ActorAccount = actor,
                Action = AuditAction,
                Entity = "campaign",
                EntityKey = SampleCampaign.Name,
                AfterJson = System.Text.Json.JsonSerializer.Serialize(removal, AuditJson.Options),
            });
            return (removal, (IReadOnlyList<string>)attachments);
        }, cancellationToken);

        // The uploaded files go once their rows are gone; a file left behind is only disk space.
        var folder = Path.GetFullPath(directLine.Value.AttachmentsFolder);
        foreach (var id in attachmentIds)
        {
            File.Delete(Path.Combine(folder, id));
        }

        return removal;
    }
}
