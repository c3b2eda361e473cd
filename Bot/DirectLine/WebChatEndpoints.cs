using CampaignBot.Ledger.Repositories;
using Microsoft.Bot.Builder;

namespace CampaignBot.DirectLine;

/// <summary>
/// What the Web Chat page (wwwroot/index.html) asks the bot: how sign-in works here, the sample
/// people to pick from in development, and a Direct Line token for the signed-in person's
/// conversation, which is one per person and kept.
/// </summary>
public static class WebChatEndpoints
{
    public static IEndpointRouteBuilder MapWebChat(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/webchat");
        group.MapGet("/sign-in", (WebUsers users) => Results.Json(new { sample = users.AllowsSampleSignIn, proxy = users.UsesProxy, sampleOffForReach = users.SampleSignInOffForReach }));
        group.MapGet("/people", PeopleAsync);
        group.MapPost("/sign-in", SignInAsync);
        group.MapPost("/sign-out", async (HttpContext http, WebUsers users) =>
        {
            await users.SignOutAsync(http);
            return Results.NoContent();
        });
        group.MapPost("/session", SessionAsync);
        return endpoints;
    }

    public sealed record SampleSignIn(string Account);

    private static async Task<IResult> PeopleAsync(HttpContext http, WebUsers users, DirectoryRepository directory)
    {
        if (!users.AllowsSampleSignIn)
        {
            return Results.NotFound();
        }

        var accounts = await directory.AccountsByPersonAsync(http.RequestAborted);
        var people = await directory.PeopleAsync(http.RequestAborted);
        return Results.Json(people.Where(p => accounts[p.Id].Any()).Select(p => new
        {
            account = accounts[p.Id].First(),
            name = p.Name,
            office = p.OfficeName,
            role = p.Role,
        }));
    }

    private static async Task<IResult> SignInAsync(HttpContext http, SampleSignIn request, WebUsers users, DirectoryRepository directory)
    {
        if (!users.AllowsSampleSignIn)
        {
            return DirectLineErrors.Forbidden(users.SampleSignInOffForReach
                ? "Sign-in as a sample person is a demonstration, off because the bot listens on an address other machines can reach; set DirectLine:SampleSignIn=true to demonstrate anyway."
                : "Sign-in as a sample person is off here; the intranet's sign-on decides who you are.");
        }

        var person = await directory.FindPersonByAccountAsync(request.Account ?? "", http.RequestAborted);
        if (person is null)
        {
            return DirectLineErrors.BadArgument($"No person has the account '{request.Account}'.");
        }

        await users.SignInAsync(http, new WebUser(request.Account!, person.Name));
        return Results.NoContent();
    }

    /// <summary>A token for the signed-in person's conversation; 401 when nobody is (the page then offers sign-in, or explains).</summary>
    private static async Task<IResult> SessionAsync(HttpContext http, WebUsers users, DirectLineStore store, DirectLineTokens tokens)
    {
        var user = await users.CurrentAsync(http);
        if (user is null)
        {
            return DirectLineErrors.Unauthorized(users.UsesProxy
                ? "The sign-on proxy did not say who you are."
                : users.AllowsSampleSignIn ? "Pick a person to sign in." : "Sign-in is not configured here (DirectLine:TrustedUserHeader).");
        }

        var (conversation, _) = await store.PageConversationAsync(user.AccountId, user.Name, http.RequestAborted);
        return Results.Json(new
        {
            token = tokens.Issue(conversation.Id, user.AccountId, user.Name),
            conversationId = conversation.Id,
            userId = user.AccountId,
            userName = user.Name,
            demo = !users.UsesProxy,
            expires_in = (int)tokens.Lifetime.TotalSeconds,
        });
    }
}
