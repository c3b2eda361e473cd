using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Http;

/// <summary>With an app id configured, /api/messages accepts only Bot Framework-signed requests.</summary>
[Needs(Needs.Host)]
public class AuthenticationTests : IDisposable
{
    private readonly BotApplication bot = new(new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = "6f0a2e6c-2b4c-4f5e-9d36-5d0f0c3c9b11",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    });

    public void Dispose() => bot.Dispose();

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Basic c2FtcGxlOnNhbXBsZQ==")]
    // A well-formed JWT that nobody trusted signed ({"alg":"none"}).
    [InlineData("Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIiwiYXVkIjoiNmYwYTJlNmMtMmI0Yy00ZjVlLTlkMzYtNWQwZjBjM2M5YjExIn0.")]
    public async Task Post_WithoutValidToken_Gets401AndChangesNothing(string? authorization)
    {
        var client = bot.CreateClient();
        var activity = Activities.Message("sample-zonghe", "完成 T014", "msteams", "auth-conv", false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity) };
        if (authorization is not null)
        {
            request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var ledger = bot.OpenLedger();
        Assert.Equal("open", await ledger.ExecuteScalarAsync<string>("SELECT status FROM task WHERE code = 'T014'"));
        Assert.Equal(0, await ledger.ExecuteScalarAsync<long>("SELECT count(*) FROM conversation WHERE conversation_id = 'auth-conv'"));
        Assert.Equal(0, await ledger.ExecuteScalarAsync<long>("SELECT count(*) FROM audit WHERE action = 'task.done'"));
    }
}
