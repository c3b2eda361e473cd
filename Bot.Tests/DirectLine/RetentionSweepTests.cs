using CampaignBot.Data;
using CampaignBot.DirectLine;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.DirectLine;

/// <summary>
/// Issue 25: "Nothing expires": the Web Chat transcript, the miss log and uploads that never became
/// evidence grew for ever. The sweep deletes what is past its days and keeps what is needed: a
/// conversation's recent history, and every upload that is evidence.
/// </summary>
public sealed class RetentionSweepTests : IAsyncLifetime
{
    private BotServices services = null!;
    private FakeTimeProvider time = null!;
    private string attachments = null!;

    public async Task InitializeAsync()
    {
        time = TestClock.Create();
        services = await BotServices.CreateAsync(time, new Dictionary<string, string?>
        {
            ["Retention:DirectLineActivityDays"] = "180",
            ["Retention:KeepRecentActivities"] = "5",
            ["Retention:UnderstandingMissDays"] = "90",
            ["Retention:UnclaimedUploadDays"] = "30",
        });
        attachments = Path.Combine(services.Database.Folder, "attachments");
        Directory.CreateDirectory(attachments);
    }

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task OldMessages_AreDeleted_ButEachConversationKeepsItsLatest()
    {
        var store = services.Get<DirectLineStore>();
        var busy = await store.CreateAsync("sample-zonghe", null);
        var quiet = await store.CreateAsync("sample-cailiao", null);
        for (var i = 0; i < 20; i++)
        {
            await store.AppendAsync(Message(busy, $"old {i}"));
        }

        await store.AppendAsync(Message(quiet, "only one, long ago"));
        time.Advance(TimeSpan.FromDays(200));
        await store.AppendAsync(Message(busy, "recent"));

        var result = await services.Get<RetentionSweep>().SweepAsync(CancellationToken.None);

        Assert.Equal(16, result.Activities);
        var kept = (await store.ReadAfterAsync(busy.Id, 0)).Activities.Select(System.Text.Encoding.UTF8.GetString).ToList();
        Assert.Equal(5, kept.Count);
        Assert.Contains("recent", kept[^1]);
        Assert.Contains("old 19", kept[^2]);
        Assert.Single((await store.ReadAfterAsync(quiet.Id, 0)).Activities);
        Assert.True(await store.LatestWatermarkAsync(busy.Id) > 20, "a client's watermark stays valid");
    }

    [Fact]
    public async Task MissesOlderThanTheirDays_AreDeleted()
    {
        var misses = services.Get<CampaignBot.Ledger.Repositories.UnderstandingMissRepository>();
        await misses.RecordAsync("old miss", "test", null, null, false, null, time.GetUtcNow(), CancellationToken.None);
        time.Advance(TimeSpan.FromDays(91));
        await misses.RecordAsync("new miss", "test", null, null, false, null, time.GetUtcNow(), CancellationToken.None);

        var result = await services.Get<RetentionSweep>().SweepAsync(CancellationToken.None);

        Assert.Equal(1, result.Misses);
        await using var ledger = await services.Database.OpenAsync();
        Assert.Equal(["new miss"], (await ledger.QueryAsync<string>("SELECT text FROM understanding_miss")).AsList());
    }

    [Fact]
    public async Task UnclaimedUploads_AreDeletedAfterTheirDays_EvidenceAndRecentOnesStay()
    {
        var store = services.Get<DirectLineStore>();
        var chat = await store.CreateAsync("sample-zonghe", null);
        await UploadAsync(store, chat, "a-unclaimed-old");
        await UploadAsync(store, chat, "a-evidence-old");
        await using (var ledger = await services.Database.OpenAsync())
        {
            await ledger.ExecuteAsync(
                "INSERT INTO evidence (task_id, kind, name, url, by_person_id, at, attachment_id) SELECT id, 'attachment', 'x.png', 'u', NULL, @At, 'a-evidence-old' FROM task WHERE code = 'T024'",
                new { At = UtcText.Format(time.GetUtcNow()) });
        }

        File.WriteAllBytes(Path.Combine(attachments, "a-orphan"), new byte[10]);
        File.SetLastWriteTimeUtc(Path.Combine(attachments, "a-orphan"), time.GetUtcNow().UtcDateTime);
        time.Advance(TimeSpan.FromDays(31));
        await UploadAsync(store, chat, "a-unclaimed-new");

        var result = await services.Get<RetentionSweep>().SweepAsync(CancellationToken.None);

        Assert.Equal((1, 1000L), (result.Uploads, result.UploadBytes));
        Assert.Equal(["a-evidence-old", "a-unclaimed-new"], Directory.EnumerateFiles(attachments).Select(f => Path.GetFileName(f)).Order().ToArray());
        Assert.NotNull(await store.FindAttachmentAsync("a-evidence-old"));
        Assert.Null(await store.FindAttachmentAsync("a-unclaimed-old"));
    }

    private async Task UploadAsync(DirectLineStore store, DirectLineConversation chat, string id)
    {
        await File.WriteAllBytesAsync(Path.Combine(attachments, id), new byte[1000]);
        await store.AddAttachmentAsync(new StoredAttachment(id, chat.Id, chat.UserId, id + ".png", "image/png", 1000));
    }

    private static Activity Message(DirectLineConversation chat, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Conversation = new ConversationAccount(id: chat.Id),
        From = new ChannelAccount(chat.UserId),
    };
}
