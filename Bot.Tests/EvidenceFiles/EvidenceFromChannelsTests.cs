using System.Security.Claims;
using System.Security.Cryptography;
using CampaignBot.Bots;
using CampaignBot.EvidenceFiles;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Tests.Support;
using Dapper;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Rest;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Tests.EvidenceFiles;

/// <summary>
/// Issue 15: a photo or file sent with 完成 from a Bot Framework channel (Teams) was kept only as a
/// link that expires. Now each is fetched into the bot's own store when the message arrives: with the
/// bot's token where the channel requires it, without it where the link is pre-authorised; too
/// large and mislabelled files are refused; a failed download leaves the task done and the file
/// pending, and the background retry fetches it. Files are served by a real local HTTP server.
/// </summary>
[Needs(Needs.Host)]
public sealed class EvidenceFromChannelsTests : IAsyncLifetime
{
    private const string AppId = "6f0a2e6c-2b4c-4f5e-9d36-5d0f0c3c9b11";
    private TeamsFileServer files = null!;
    private BotServices services = null!;

    public async Task InitializeAsync()
    {
        files = await TeamsFileServer.StartAsync();
        services = await BotServices.CreateAsync(new AnchoredTimeProvider(TestClock.Start), new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-used: tokens come from the stand-in below",
            ["Evidence:MaxFileMegabytes"] = "1",
            ["Evidence:RetryBaseDelaySeconds"] = "1",
            ["Evidence:MaxAttempts"] = "3",
            // The stand-in for SharePoint, where Teams' pre-authorised file links point (another origin than the channel's service).
            ["Evidence:FileHosts:0"] = "localhost",
        }, configure: s => s.AddSingleton<ServiceClientCredentialsFactory>(new StandInForAzureAd()));
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await files.DisposeAsync();
    }

    /// <summary>Azure AD's part: the bot's token for talking to channels (here a fixed one the file server checks).</summary>
    private sealed class StandInForAzureAd : ServiceClientCredentialsFactory
    {
        public override Task<bool> IsValidAppIdAsync(string appId, CancellationToken cancellationToken) => Task.FromResult(appId == AppId);

        public override Task<bool> IsAuthenticationDisabledAsync(CancellationToken cancellationToken) => Task.FromResult(false);

        public override Task<ServiceClientCredentials> CreateCredentialsAsync(string appId, string audience, string loginEndpoint, bool validateAuthority, CancellationToken cancellationToken) =>
            Task.FromResult<ServiceClientCredentials>(new TokenCredentials(TeamsFileServer.BotToken));
    }

    /// <summary>A message from Teams, as the SDK has it after validating the channel's token.</summary>
    private async Task<IReadOnlyList<string>> FromTeamsAsync(string text, params Attachment[] attachments)
    {
        var identity = new ClaimsIdentity([new Claim(AuthenticationConstants.AudienceClaim, AppId), new Claim(AuthenticationConstants.AppIdClaim, AppId)], "Bearer");
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = "msteams",
            // The channel's service, as the validated token names it; its inline images live there too.
            ServiceUrl = files.BaseUrl,
            From = new ChannelAccount("sample-zonghe", "张伟"),
            Recipient = new ChannelAccount(AppId, "CampaignBot"),
            Conversation = new ConversationAccount(id: "teams-chat-1"),
            Text = text,
            DeliveryMode = DeliveryModes.ExpectReplies,
            Attachments = attachments,
        };
        var response = await services.Get<AdapterWithErrorHandler>().ProcessAuthenticatedAsync(identity, activity, services.Bot, CancellationToken.None);
        return ((ExpectedReplies)response.Body).Activities.Select(a => a.Text ?? "").ToList();
    }

    private Attachment Inline(string path, string type, string name) => new(type, files.BaseUrl.TrimEnd('/') + path, name: name);

    private Attachment TeamsFile(string path, string name, string fileType) => new(
        "application/vnd.microsoft.teams.file.download.info",
        name: name,
        content: JObject.FromObject(new { downloadUrl = files.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal).TrimEnd('/') + path, uniqueId = "u1", fileType }));

    private async Task<List<(string Name, string State, string? Sha256, string? LastError)>> FilesAsync()
    {
        await using var ledger = await services.Database.OpenAsync();
        return (await ledger.QueryAsync<(string, string, string?, string?)>("SELECT original_name, state, sha256, last_error FROM evidence_file ORDER BY id")).AsList();
    }

    private string StoredBytesPath(string sha256) => services.Get<EvidenceFileStore>().PathOf(sha256);

    [Fact]
    public async Task FilesSentWithDone_AreFetchedIntoTheStore_WithTheBotsTokenOnlyWhereNeeded_AndCheckedByTheirBytes()
    {
        var replies = await FromTeamsAsync(
            "完成 T014 已上传现场照片和报告",
            Inline("/v3/attachments/inline-1/views/original", "image/png", "现场.png"),
            TeamsFile("/sites/office/report.pdf", "工作报告.pdf", "pdf"),
            Inline("/big.jpg", "image/jpeg", "大图.jpg"),
            Inline("/not-a-picture.png", "image/png", "伪装.png"));

        var reply = Assert.Single(replies);
        Assert.StartsWith("已完成：T014", reply);
        Assert.Contains("「现场.png」已保存", reply);
        Assert.Contains("「工作报告.pdf」已保存", reply);
        Assert.Contains("「大图.jpg」超过大小上限，未保存", reply);
        Assert.Contains("「伪装.png」内容与声明的类型不符，未保存", reply);

        var kept = await FilesAsync();
        Assert.Equal(("现场.png", "stored"), (kept[0].Name, kept[0].State));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(TestImages.Png)), kept[0].Sha256);
        Assert.Equal(TestImages.Png, await File.ReadAllBytesAsync(StoredBytesPath(kept[0].Sha256!)));
        Assert.Equal(("工作报告.pdf", "stored"), (kept[1].Name, kept[1].State));
        Assert.Equal(TeamsFileServer.Pdf, await File.ReadAllBytesAsync(StoredBytesPath(kept[1].Sha256!)));
        Assert.Equal(("refused", RefusalReasons.TooLarge), (kept[2].State, kept[2].LastError));
        Assert.Equal(("refused", RefusalReasons.NotWhatItClaims), (kept[3].State, kept[3].LastError));
        // The pre-authorised link never saw the bot's token; the inline image needed it.
        Assert.Empty(files.AuthorizationOnPreauthorised);
        Assert.Equal(1, files.Hits("/v3/attachments/inline-1/views/original"));

        await using var ledger = await services.Database.OpenAsync();
        Assert.Equal("done", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T014'"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StoredBytesPath(kept[0].Sha256!)));
        }
    }

    [Fact]
    public async Task AFailedDownload_LeavesTheTaskDone_AndTheBackgroundRetryFetchesIt()
    {
        var replies = await FromTeamsAsync("完成 T014", Inline("/flaky.png", "image/png", "稍后.png"));

        Assert.Contains("「稍后.png」暂未取回，将自动重试", Assert.Single(replies));
        Assert.Equal("pending", (await FilesAsync())[0].State);
        await using (var ledger = await services.Database.OpenAsync())
        {
            Assert.Equal("done", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T014'"));
        }

        // The next attempt is due after the first back-off (1 s here); Polly retries within it.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await services.Get<EvidenceRetryService>().SweepAsync(CancellationToken.None);

        var kept = Assert.Single(await FilesAsync());
        Assert.Equal("stored", kept.State);
        Assert.Equal(TestImages.Png, await File.ReadAllBytesAsync(StoredBytesPath(kept.Sha256!)));
        Assert.Equal(3, files.Hits("/flaky.png"));
        Assert.Contains(await ListAsync("佐证 T014"), t => t.Contains("稍后.png · 已保存"));
    }

    [Fact]
    public async Task AFileThatNeverArrives_IsReportedToItsOffice_AndInTheWeeklyReport()
    {
        await using (var ledger = await services.Database.OpenAsync())
        {
            await ledger.ExecuteAsync("INSERT INTO conversation (channel_id, conversation_id, service_url, is_group, last_seen_at, bound_office_id) VALUES ('msteams', 'zonghe-group', 'https://smba.trafficmanager.net/amer/', 1, '2026-06-15T00:00:00.000Z', (SELECT id FROM office WHERE name = '综合组'))");
        }

        await LoseAFileAsync();

        Assert.Equal("failed", Assert.Single(await FilesAsync()).State);
        await using (var ledger = await services.Database.OpenAsync())
        {
            // Stored as its kind and the file's id; written when sent, in the office chat's language.
            var stored = await ledger.ExecuteScalarAsync<string>("SELECT notice FROM outbox_message WHERE kind = 'notice' AND target LIKE '%zonghe-group%'");
            var notice = CampaignBot.Ledger.Notice.FromPayload(stored!);
            var text = (await services.Get<CampaignBot.Chat.Outgoing.NoticeComposer>().ComposeAsync(notice, CampaignBot.Chat.Replies.ReplyTexts.For(CampaignBot.Understanding.Commands.ReplyLanguage.Chinese), CancellationToken.None)).Header;
            Assert.Contains("【佐证缺失】T014", text);
            Assert.Contains("丢失.png", text);
        }

        var report = await services.Get<CampaignBot.Scheduling.Delivery.IMessageComposer<CampaignBot.Chat.Outgoing.OutgoingMessage>>().ComposeAsync(
            new CampaignBot.Scheduling.Delivery.ClaimedMessage(0, new CampaignBot.Scheduling.Delivery.ChatTarget("msteams", "zonghe-group"), TestClock.Today, new CampaignBot.Scheduling.Delivery.WeeklyReport()),
            TestClock.Start, CancellationToken.None);
        Assert.Contains("佐证文件未能保存：1 个", report.Reply.Header);
        Assert.Contains("T014", report.Reply.Header);
    }

    [Fact]
    public async Task AFileThatNeverArrives_WithNoOfficeChat_IsReportedToWhoSentItAndToTheCoordinators_InTheirOwnChats()
    {
        // No chat is bound to 综合组; 张伟 writes from his Teams 1:1 chat, and a coordinator has one too.
        await services.Database.BindChatAsync("wangjianguo-dm", "https://smba.trafficmanager.net/amer/", person: "王建国");

        await LoseAFileAsync();

        await using var connection = await services.Database.OpenAsync();
        Assert.Equal(["bf:msteams:teams-chat-1", "bf:msteams:wangjianguo-dm"], await connection.QueryAsync<string>(
            "SELECT target FROM outbox_message WHERE kind = 'notice' AND notice LIKE '%evidence-lost%' ORDER BY target"));
    }

    /// <summary>张伟 sends 完成 T014 with a picture that never arrives, and the retries give up on it.</summary>
    private async Task LoseAFileAsync()
    {
        await FromTeamsAsync("完成 T014", Inline("/gone.png", "image/png", "丢失.png"));
        for (var attempt = 2; attempt <= 3; attempt++)
        {
            await using (var ledger = await services.Database.OpenAsync())
            {
                await ledger.ExecuteAsync("UPDATE evidence_file SET next_attempt_at = '2000-01-01T00:00:00.000Z' WHERE state = 'pending'");
            }

            await services.Get<EvidenceRetryService>().SweepAsync(CancellationToken.None);
        }
    }

    private Task<IReadOnlyList<string>> ListAsync(string text) => FromTeamsAsync(text);

    [Fact]
    public async Task ALateOutcome_OfAnAttemptAlreadyRecorded_ChangesNothing()
    {
        await FromTeamsAsync("完成 T014", Inline("/v3/attachments/inline-1/views/original", "image/png", "现场.png"));
        long id;
        await using (var ledger = await services.Database.OpenAsync())
        {
            id = await ledger.ExecuteScalarAsync<long>("SELECT id FROM evidence_file");
        }

        // A background retry that had taken the file before the first try finished, failing last.
        await services.Get<EvidenceFileRepository>().MarkAttemptFailedAsync(id, 0, "late", null, CancellationToken.None);

        Assert.Equal("stored", Assert.Single(await FilesAsync()).State);
    }

    [Fact]
    public async Task ALinkASenderWrote_ToAnotherHost_IsKeptAsALink_NeitherFetchedNorGivenTheBotsToken()
    {
        // Azure Web Chat and custom Direct Line clients let the sender write attachment links.
        await using var elsewhere = await RecordingListener.StartAsync();

        var replies = await FromTeamsAsync("完成 T014", new Attachment("image/png", elsewhere.BaseUrl + "v3/attachments/x", name: "x.png"));

        Assert.StartsWith("已完成：T014", Assert.Single(replies));
        Assert.Empty(elsewhere.Requests);
        Assert.Empty(await FilesAsync());
        await using var ledger = await services.Database.OpenAsync();
        Assert.Equal(elsewhere.BaseUrl + "v3/attachments/x", await ledger.ExecuteScalarAsync<string>("SELECT url FROM evidence WHERE kind = 'attachment'"));
    }

    [Fact]
    public async Task ARedirect_ToAHostTheBotDoesNotFetchFrom_IsNotFollowed()
    {
        await using var elsewhere = await RecordingListener.StartAsync();
        files.RedirectTo = elsewhere.BaseUrl + "secret";

        var replies = await FromTeamsAsync("完成 T014", Inline("/redirect", "image/png", "跳转.png"));

        Assert.Contains("「跳转.png」暂未取回", Assert.Single(replies));
        Assert.Empty(elsewhere.Requests);
    }
}
