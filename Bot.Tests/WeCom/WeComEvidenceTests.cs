using System.Security.Claims;
using System.Security.Cryptography;
using CampaignBot.Ledger;
using CampaignBot.Tests.Support;
using CampaignBot.WeCom.Files;
using Dapper;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Tests.WeCom;

/// <summary>
/// A photo sent from WeCom with 完成: WeCom's url (valid five minutes) and the message's own aeskey,
/// fetched from a stand-in, decrypted (AES-256-CBC, IV the key's first 16 bytes, PKCS#7 to 32 bytes)
/// and kept as the task's evidence, byte for byte the photo that was sent.
/// </summary>
[Needs(Needs.Host)]
public class WeComEvidenceTests : IAsyncLifetime
{
    private BotServices services = null!;
    private FakeWeCom weCom = null!;

    public async Task InitializeAsync()
    {
        services = await BotServices.CreateAsync();
        weCom = await FakeWeCom.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await weCom.DisposeAsync();
        await services.DisposeAsync();
    }

    [Fact]
    public async Task DoneWithAPhotoFromWeCom_KeepsTheDecryptedPhotoAsEvidence()
    {
        const string userId = "CoordWeCom";
        string code;
        await using (var connection = await services.Database.OpenAsync())
        {
            await connection.ExecuteAsync("UPDATE person SET wecom_user_id = @UserId WHERE id = (SELECT min(id) FROM person WHERE role = 'coordinator')", new { UserId = userId });
            code = await connection.ExecuteScalarAsync<string>("SELECT code FROM task WHERE status = 'open' ORDER BY id LIMIT 1") ?? throw new InvalidOperationException("no open task");
        }

        var key = RandomNumberGenerator.GetBytes(32);
        weCom.Media["photo-1"] = WeComMediaCipher.Encrypt(TestImages.Png, key);
        var adapter = BotServices.Adapter(userId, CampaignBot.WeCom.WeComChannel.ChannelId, conversationId: userId);
        // WeCom vouched for the message (the long connection, or a signed callback): the channel's adapter says so.
        adapter.Use(new Vouched(new ClaimsIdentity([new Claim("wecom_userid", userId)], "WeCom")));
        var activity = MessageFactory.Text($"完成 {code}");
        activity.Attachments =
        [
            new Attachment
            {
                ContentType = "image/*",
                Name = "image.png",
                ContentUrl = weCom.BaseUrl + "media/photo-1",
                Content = new JObject { ["aeskey"] = Convert.ToBase64String(key).TrimEnd('=') },
            },
        ];

        await adapter.ProcessActivityAsync(activity, services.Bot.OnTurnAsync, CancellationToken.None);

        var reply = string.Join("\n", adapter.ActiveQueue.Select(a => a.Text));
        Assert.Contains("已保存", reply);
        await using var check = await services.Database.OpenAsync();
        var stored = await check.QuerySingleAsync<(string State, string Sha256, string ContentType)>(
            "SELECT f.state, f.sha256, f.content_type FROM evidence_file f JOIN evidence e ON e.file_id = f.id JOIN task t ON t.id = e.task_id WHERE t.code = @Code", new { Code = code });
        Assert.Equal(("stored", Convert.ToHexStringLower(SHA256.HashData(TestImages.Png)), "image/png"), stored);
        Assert.Equal("done", await check.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = @Code", new { Code = code }));
    }

    private sealed class Vouched(ClaimsIdentity identity) : IMiddleware
    {
        public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
        {
            turnContext.TurnState.Set(BotAdapter.BotIdentityKey, identity);
            return next(cancellationToken);
        }
    }
}
