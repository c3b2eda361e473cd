using CampaignBot.Ledger.Repositories;
using CampaignBot.DirectLine;
using CampaignBot.Scheduling.Time;
using CampaignBot.Ledger.ReadModels.Board;

namespace CampaignBot.Board;

/// <summary>
/// The board's data (GET /board/data?office=ID&amp;item=NAME) for the page at /board/, with the same
/// sign-in as the Web Chat page, for people of the ledger only. Read from the ledger on every
/// request: right after a change in chat. Its size follows what the page shows (see <see cref="BoardData"/>);
/// GET /board/choices searches the filters' choices beyond those the board lists.
/// </summary>
public static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/board/data", DataAsync);
        endpoints.MapGet("/board/choices", ChoicesAsync);
        return endpoints;
    }

    /// <summary>
    /// GET /board/choices?kind=item|office&amp;q=TEXT&amp;limit=N: the filter's choices whose name
    /// contains TEXT, most used first, at most <see cref="BoardChoices.SearchLimit"/>, and how many
    /// match; for the choices beyond those the board lists. Same readers as the board.
    /// </summary>
    private static async Task<IResult> ChoicesAsync(HttpContext http, string? kind, string? q, int? limit, WebUsers users, DirectoryRepository directory, BoardChoices choices)
    {
        if (await ReaderAsync(http, users, directory) is { } refusal)
        {
            return refusal;
        }

        var query = q?.Trim();
        if (string.IsNullOrEmpty(query) || query.Length > BoardChoices.MaxQueryLength)
        {
            return DirectLineErrors.BadArgument($"q: the text to search for, 1 to {BoardChoices.MaxQueryLength} characters.");
        }

        if (limit is < 1 or > BoardChoices.SearchLimit)
        {
            return DirectLineErrors.BadArgument($"limit: 1 to {BoardChoices.SearchLimit}.");
        }

        var take = limit ?? 20;
        return kind switch
        {
            "item" => Results.Json(await choices.ItemsAsync(query, take, http.RequestAborted)),
            "office" => Results.Json(await choices.OfficesAsync(query, take, http.RequestAborted)),
            _ => DirectLineErrors.BadArgument("kind: item or office."),
        };
    }

    /// <summary>Null for a person of the ledger; otherwise the refusal (401 not signed in, 403 no person).</summary>
    private static async Task<IResult?> ReaderAsync(HttpContext http, WebUsers users, DirectoryRepository directory) =>
        await users.CurrentAsync(http) is not { } user ? DirectLineErrors.Unauthorized("请先登录。")
        : await directory.FindPersonByAccountAsync(user.AccountId, http.RequestAborted) is null ? Forbidden(user.AccountId)
        : null;

    private static IResult Forbidden(string account) =>
        DirectLineErrors.Forbidden($"账号 {account} 未关联台账中的人员，不能查看看板。请协调员在对话中发送「关联 姓名 {account}」后再打开。");

    /// <remarks>
    /// Any person of the ledger sees the whole campaign, as in chat, where anyone may ask 全部逾期 or
    /// 进度; the page opens on a member's or office lead's own office (chat's default scope), and
    /// coordinators and leaders on everything. A signed-in account that speaks for no one gets 403:
    /// the sign-on proxy vouches for who it is, not that the campaign is theirs to read.
    /// </remarks>
    private static async Task<IResult> DataAsync(HttpContext http, long? office, string? item, WebUsers users, DirectoryRepository directory, BoardRepository board, CampaignClock clock)
    {
        if (await users.CurrentAsync(http) is not { } user)
        {
            return DirectLineErrors.Unauthorized("请先登录。");
        }

        if (await directory.FindPersonByAccountAsync(user.AccountId, http.RequestAborted) is not { } person)
        {
            return Forbidden(user.AccountId);
        }

        var data = await board.ReadAsync(new BoardFilter(office, string.IsNullOrWhiteSpace(item) ? null : item.Trim()), clock.Today, http.RequestAborted);
        return Results.Json(new
        {
            today = data.Today,
            viewer = new { name = person.Name, officeId = person.OfficeId, office = person.OfficeName, wholeCampaign = person.SeesWholeCampaign },
            totals = data.Totals,
            offices = data.Offices,
            overdue = data.Overdue,
            nextDays = new { data.NextDays.Count, data.NextDays.Tasks, perDay = data.NextDaysPerDay },
            items = new
            {
                count = data.ItemCount,
                lines = data.Items.Select(i => new { i.Item, i.Total, i.Done, i.WithEvidence, i.DueSoFar, i.EvidenceGaps, i.Tasks, i.Upcoming }),
            },
            // The most used choices and how many there are; GET /board/choices finds the others.
            filters = new { items = data.ItemChoices, offices = data.OfficeChoices },
        });
    }
}
