using System.Security.Cryptography;
using CampaignBot.Tests.Support;
using CampaignBot.WeCom.Files;
using Dapper;

namespace CampaignBot.Tests.WeCom;

/// <summary>
/// A photo from WeCom becomes evidence the whole way a person sends it: over the real long
/// connection into the real host, the url and the message's aeskey carried from WeCom's message to
/// the evidence collector, fetched from the stand-in, decrypted and kept byte for byte, whether the
/// photo comes with 完成 in one message or on its own just after it.
/// </summary>
[Needs(Needs.Host)]
public class WeComEvidenceInHostTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly AnchoredTimeProvider time = new(TestClock.Start.AddSeconds(5));
    private FakeWeCom weCom = null!;

    public async Task InitializeAsync() => weCom = await FakeWeCom.StartAsync();

    public async Task DisposeAsync() => await weCom.DisposeAsync();

    private async Task<BotApplication> StartAsync()
    {
        var app = new BotApplication(weCom.Settings("LongConnection"), time);
        _ = app.Services;
        // 李明 leads 综合组, a co-office of T013; his WeCom userid speaks for him in WeCom.
        await using var ledger = app.OpenLedger();
        await ledger.ExecuteAsync("UPDATE person SET wecom_user_id = 'liming' WHERE name = '李明'");
        await weCom.WaitConnectedAsync(1, Patience);
        return app;
    }

    private string EncryptedPhoto(string name)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        weCom.Media[name] = WeComMediaCipher.Encrypt(TestImages.Png, key);
        return Convert.ToBase64String(key).TrimEnd('=');
    }

    private static async Task<(string State, string Sha256)?> StoredEvidenceAsync(BotApplication app)
    {
        await using var ledger = app.OpenLedger();
        return await ledger.QuerySingleOrDefaultAsync<(string, string)?>(
            "SELECT f.state, f.sha256 FROM evidence_file f JOIN evidence e ON e.file_id = f.id JOIN task t ON t.id = e.task_id WHERE t.code = 'T013'");
    }

    [Fact]
    public async Task DoneWithAPhotoInOneMessage_KeepsTheDecryptedPhoto()
    {
        await using var app = await StartAsync();

        await weCom.PushMessageAsync(weCom.TextWithPicture("msg-done-photo", "liming", "完成 T013", "photo-1", EncryptedPhoto("photo-1")));

        await Eventually.WaitAsync(async () => await StoredEvidenceAsync(app) is { State: "stored" }, Patience);
        Assert.Equal(("stored", Convert.ToHexStringLower(SHA256.HashData(TestImages.Png))), await StoredEvidenceAsync(app));
        await using var ledger = app.OpenLedger();
        Assert.Equal("done", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T013'"));
        Assert.Empty(weCom.Refusals);
    }

    [Fact]
    public async Task APhotoSentJustAfterDone_IsAddedToThatTask()
    {
        await using var app = await StartAsync();
        var done = await weCom.PushMessageAsync(weCom.Text("msg-done", "liming", "完成 T013"));
        await Eventually.WaitAsync(() => weCom.Responds.Any(r => r.ReqId == done), Patience);

        await weCom.PushMessageAsync(weCom.Picture("msg-photo", "liming", "photo-2", EncryptedPhoto("photo-2")));

        await Eventually.WaitAsync(async () => await StoredEvidenceAsync(app) is { State: "stored" }, Patience);
        Assert.Equal(("stored", Convert.ToHexStringLower(SHA256.HashData(TestImages.Png))), await StoredEvidenceAsync(app));
        Assert.Empty(weCom.Refusals);
    }
}
