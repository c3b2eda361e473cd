using System.Security.Claims;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace CampaignBot.DirectLine;

/// <summary>
/// Who is on the page. In production only the intranet's single sign-on proxy says so, in the
/// header named by DirectLine:TrustedUserHeader; in development a sample person can be picked
/// (a cookie remembers the choice), a demonstration the page says it is. With neither, nobody is
/// signed in and the page is refused.
/// </summary>
public sealed class WebUsers(IOptions<DirectLineOptions> options, IHostEnvironment environment, DirectoryRepository directory, ListeningAddresses listening)
{
    public bool UsesProxy => options.Value.TrustedUserHeader.Length > 0;

    /// <summary>
    /// Picking a sample person: never when a proxy signs people in; otherwise as configured
    /// (DirectLine:SampleSignIn), or else in Development while the bot listens on loopback only.
    /// </summary>
    public bool AllowsSampleSignIn => !UsesProxy && (options.Value.SampleSignIn ?? (environment.IsDevelopment() && listening.LoopbackOnly));

    /// <summary>The sample sign-in was left off only because others can reach the bot: the page says so.</summary>
    public bool SampleSignInOffForReach => !UsesProxy && options.Value.SampleSignIn is null && environment.IsDevelopment() && !listening.LoopbackOnly;

    public async Task<WebUser?> CurrentAsync(HttpContext http)
    {
        if (UsesProxy)
        {
            var account = http.Request.Headers[options.Value.TrustedUserHeader].ToString().Trim();
            if (account.Length == 0)
            {
                return null;
            }

            var person = await directory.FindPersonByAccountAsync(account, http.RequestAborted);
            return new WebUser(account, person?.Name ?? account);
        }

        if (!AllowsSampleSignIn)
        {
            return null;
        }

        var signedIn = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return signedIn.Succeeded && signedIn.Principal.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? new WebUser(id, signedIn.Principal.FindFirstValue(ClaimTypes.Name) ?? id)
            : null;
    }

    public Task SignInAsync(HttpContext http, WebUser user) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.AccountId), new Claim(ClaimTypes.Name, user.Name)], CookieAuthenticationDefaults.AuthenticationScheme)));

    public Task SignOutAsync(HttpContext http) => http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
}
