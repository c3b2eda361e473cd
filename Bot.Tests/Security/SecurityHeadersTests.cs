using System.Net.Http.Headers;
using System.Text;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Security;

/// <summary>
/// Issue 12, point 6: the pages could be framed by any site and carried no security headers. The
/// pages still working under these headers is checked by the browser tests (Browser/).
/// </summary>
[Needs(Needs.Host)]
public sealed class SecurityHeadersTests : KestrelBotTest
{

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
        var response = await Http.GetAsync(path);

        response.EnsureSuccessStatusCode();
        AssertHardened(response, "script-src 'self' 'sha256-");
        Assert.DoesNotContain("unsafe-eval", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task AnUploadedFile_IsServedSandboxed_SoAScriptInAnSvgUploadRunsNothing()
    {
        var session = await DirectLineSession.StartAsync(App, Http, "sample-zonghe");
        await session.UploadAsync("sample-zonghe", "完成 T024",
            new StringContent("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>", Encoding.UTF8, "image/svg+xml"), "图.svg");
        using var ledger = App.OpenLedger();
        var url = Dapper.SqlMapper.ExecuteScalar<string>(ledger, "SELECT url FROM evidence WHERE kind = 'attachment'")!;

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url).PathAndQuery);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        var response = await Http.SendAsync(request);

        response.EnsureSuccessStatusCode();
        AssertHardened(response, "sandbox");
        Assert.Contains("default-src 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task TheApi_CarriesTheHeadersToo()
    {
        AssertHardened(await Http.GetAsync("/healthz"), "default-src 'none'");
    }
}
