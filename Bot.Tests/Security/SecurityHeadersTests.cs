using System.Net.Http.Headers;
using System.Text;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 12, point 6: the pages could be framed by any site and carried no security headers. The
/// pages still working under these headers is checked by the browser tests (Browser/).
/// </summary>
public sealed class SecurityHeadersTests : IAsyncLifetime
{
    private BotApplication app = null!;
    private HttpClient http = null!;

    public Task InitializeAsync()
    {
        app = new BotApplication();
        http = new HttpClient { BaseAddress = app.StartOnKestrel() };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await app.DisposeAsync();
    }

    private static void AssertHardened(HttpResponseMessage response, string policyPart)
    {
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains(policyPart, policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/board/")]
    public async Task APage_CarriesItsPolicy_AllowingOnlyItsOwnScripts(string path)
    {
        var response = await http.GetAsync(path);

        response.EnsureSuccessStatusCode();
        AssertHardened(response, "script-src 'self' 'sha256-");
        Assert.DoesNotContain("unsafe-eval", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task AnUploadedFile_IsServedSandboxed_SoAScriptInAnSvgUploadRunsNothing()
    {
        var session = await DirectLineSession.StartAsync(app, http, "sample-zonghe");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("""{"type":"message","text":"完成 T024"}""", Encoding.UTF8, "application/vnd.microsoft.activity"), "activity", "blob" },
            { new StringContent("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>", Encoding.UTF8, "image/svg+xml"), "file", "图.svg" },
        };
        await DirectLineSession.ReadAsync(await session.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{session.ConversationId}/upload?userId=sample-zonghe", form));
        using var ledger = app.OpenLedger();
        var url = Dapper.SqlMapper.ExecuteScalar<string>(ledger, "SELECT url FROM evidence WHERE kind = 'attachment'")!;

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        var response = await http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        AssertHardened(response, "sandbox");
        Assert.Contains("default-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task TheApi_CarriesTheHeadersToo()
    {
        AssertHardened(await http.GetAsync("/healthz"), "default-src 'none'");
    }
}
