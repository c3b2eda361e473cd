using CampaignBot.Data;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignBot.Tests.Data;

/// <summary>
/// Migration 0016: chats the embedded Web Chat channel created, stored when it was still told by a
/// url ending in /directline/connector/, get the mark only its turns store; a directline chat the
/// channel did not create keeps its url (it stays an ordinary Bot Framework chat).
/// </summary>
public sealed class EmbeddedChatsMigrationTests
{
    [Fact]
    public async Task ChatsTheChannelCreated_GetTheMark_OthersKeepTheirUrl()
    {
        await using var database = await TestDatabase.CreateAsync(seedSample: false);
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("""
                DELETE FROM schema_migration WHERE version = 16;
                INSERT INTO directline_conversation (id, user_id, created_at) VALUES ('dlOwn', 'u1', '2026-06-01T00:00:00Z');
                INSERT INTO conversation (channel_id, conversation_id, service_url, is_group, last_seen_at) VALUES
                    ('directline', 'dlOwn', 'http://127.0.0.1:3978/directline/connector/', 0, '2026-06-01T00:00:00Z'),
                    ('directline', 'planted', 'http://127.0.0.1:3978/directline/connector/', 0, '2026-06-01T00:00:00Z'),
                    ('emulator', 'dlOwn', 'http://127.0.0.1:3978/directline/connector/', 0, '2026-06-01T00:00:00Z');
                """);
        }

        await new SchemaMigrator(database.Database, database.Time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        await using var after = await database.OpenAsync();
        var urls = (await after.QueryAsync<(string Channel, string Id, string Url)>(
            "SELECT channel_id, conversation_id, service_url FROM conversation ORDER BY channel_id, conversation_id")).ToList();
        Assert.Equal(
            [
                ("directline", "dlOwn", "urn:campaignbot:directline-embedded"),
                ("directline", "planted", "http://127.0.0.1:3978/directline/connector/"),
                ("emulator", "dlOwn", "http://127.0.0.1:3978/directline/connector/"),
            ],
            urls);
    }
}
