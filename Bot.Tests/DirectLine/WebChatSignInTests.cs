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
}
