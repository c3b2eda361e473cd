using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CampaignBot.Tests.DirectLine;

/// <summary>
/// Where the page's token comes from: a sample person picked in development; in production only the
/// intranet's sign-on proxy (a configured header), and nothing at all when neither is set up.
/// </summary>
public class WebChatSignInTests
{
    private static BotApplication App(string environment, string? trustedHeader = null) => new(new Dictionary<string, string?>
    {
        ["environment"] = environment,
        ["DirectLine:TrustedUserHeader"] = trustedHeader ?? "",
    });

    private static HttpClient Client(BotApplication app) => app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    [Needs(Needs.Host)]
    [Fact]
    public async Task Development_PickASamplePerson_ThenTheSessionIsTheirs()
    {
        await using var app = App("Development");
        using var client = Client(app);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/webchat/session", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/board/data")).StatusCode);
        var people = await client.GetFromJsonAsync<JsonArray>("/webchat/people");
        Assert.Contains(people!, p => p!["account"]!.GetValue<string>() == "sample-zonghe" && p["name"]!.GetValue<string>() == "张伟");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/webchat/sign-in", new { account = "nobody" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/webchat/sign-in", new { account = "sample-zonghe" })).StatusCode);
        var session = await DirectLineSession.ReadAsync(await client.PostAsync("/webchat/session", null));
        Assert.Equal("sample-zonghe", session["userId"]!.GetValue<string>());
        Assert.Equal("张伟", session["userName"]!.GetValue<string>());

        // The board has the same sign-in.
        var board = await client.GetFromJsonAsync<JsonObject>("/board/data");
        Assert.Equal(9, board!["offices"]!.AsArray().Count);

        // One conversation per person, kept across sessions (so reminders sent meanwhile are there).
        var again = await DirectLineSession.ReadAsync(await client.PostAsync("/webchat/session", null));
        Assert.Equal(session["conversationId"]!.GetValue<string>(), again["conversationId"]!.GetValue<string>());
    }

    [Needs(Needs.Host)]
    [Fact]
    public async Task Production_WithoutAProxyHeaderConfigured_RefusesEveryone()
    {
        await using var app = App("Production");
        using var client = Client(app);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/webchat/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/board/data")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/webchat/sign-in", new { account = "sample-coordinator" })).StatusCode);
        var refused = await client.PostAsync("/webchat/session", null);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("TrustedUserHeader", await refused.Content.ReadAsStringAsync());
    }

    [Needs(Needs.Host)]
    [Fact]
    public async Task Production_BehindTheSignOnProxy_TheHeaderSaysWhoItIs_AndSampleSignInIsOff()
    {
        await using var app = App("Production", trustedHeader: "X-Forwarded-User");
        using var client = Client(app);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/webchat/session", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/webchat/sign-in", new { account = "sample-coordinator" })).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/webchat/session");
        request.Headers.Add("X-Forwarded-User", "sample-cailiao");
        var session = await DirectLineSession.ReadAsync(await client.SendAsync(request));
        Assert.Equal("sample-cailiao", session["userId"]!.GetValue<string>());
        Assert.Equal("孙丽", session["userName"]!.GetValue<string>());
    }

    [Needs(Needs.Host)]
    [Fact]
    public async Task Development_ThePageSaysTheSampleSignInIsADemonstration()
    {
        await using var app = App("Development");
        using var client = Client(app);

        var page = await client.GetStringAsync("/");
        Assert.Contains("演示：这是示例登录，任何能打开本页面的人都可以任选示例人员（包括协调员）登录，不能用于正式工作。", page);
        Assert.Contains("演示登录，非正式使用", page);
        await client.PostAsJsonAsync("/webchat/sign-in", new { account = "sample-coordinator" });
        var session = await DirectLineSession.ReadAsync(await client.PostAsync("/webchat/session", null));
        Assert.True(session["demo"]!.GetValue<bool>());
    }

    [Needs(Needs.Process)]
    [Theory]
    // `dotnet run` listening on every interface: anyone on the network could sign in as a coordinator.
    [InlineData("http://0.0.0.0:{0}", null, false)]
    [InlineData("http://0.0.0.0:{0}", "true", true)]
    [InlineData("http://127.0.0.1:{0}", null, true)]
    public async Task Development_SampleSignIn_IsRefusedOnANonLoopbackAddressUnlessSetExplicitly(string urls, string? sampleSignIn, bool allowed)
    {
        await using var database = await TestDatabase.CreateAsync();
        var port = BotProcess.FreePort();
        var settings = new Dictionary<string, string>
        {
            ["Urls"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, urls, port),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DirectLine__TrustedUserHeader"] = "",
        };
        if (sampleSignIn is not null)
        {
            settings["DirectLine__SampleSignIn"] = sampleSignIn;
        }

        using var process = BotProcess.Start(database, [], settings);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var how = await WaitForAsync(client);
            var signIn = await client.PostAsJsonAsync("webchat/sign-in", new { account = "sample-coordinator" });

            Assert.Equal(allowed, how["sample"]!.GetValue<bool>());
            Assert.Equal(allowed ? HttpStatusCode.NoContent : HttpStatusCode.Forbidden, signIn.StatusCode);
            Assert.Equal(!allowed, how["sampleOffForReach"]!.GetValue<bool>());
            if (!allowed)
            {
                Assert.Contains("DirectLine:SampleSignIn=true", await signIn.Content.ReadAsStringAsync());
            }
        }
        finally
        {
            await BotProcess.KillAsync(process);
        }
    }

    [Theory]
    [InlineData("http://localhost:3978", true)]
    [InlineData("http://127.0.0.1:3978", true)]
    [InlineData("http://[::1]:3978", true)]
    [InlineData("http://0.0.0.0:3978", false)]
    [InlineData("http://[::]:3978", false)]
    [InlineData("http://*:3978", false)]
    [InlineData("http://+:3978", false)]
    [InlineData("https://bot.intranet.example:443", false)]
    public void IsLoopback_TellsAddressesOnlyThisMachineReaches(string address, bool loopback) =>
        Assert.Equal(loopback, CampaignBot.Security.ListeningAddresses.IsLoopback(address));

    private static async Task<JsonObject> WaitForAsync(HttpClient client)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return (await client.GetFromJsonAsync<JsonObject>("webchat/sign-in"))!;
            }
            catch (HttpRequestException) when (watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(200);
            }
        }
    }
}
