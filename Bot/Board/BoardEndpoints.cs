using CampaignBot.Ledger.Repositories;
using CampaignBot.DirectLine;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Board;

/// <summary>
/// The board's data (GET /board/data?office=ID&amp;item=NAME) for the page at /board/, with the same
/// sign-in as the Web Chat page, for people of the ledger only. Read from the ledger on every
/// request: right after a change in chat. Its size follows what the page shows (see <see cref="BoardData"/>).
/// </summary>
public static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/board/data", DataAsync);
        return endpoints;
    }

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
            return DirectLineErrors.Forbidden($"账号 {user.AccountId} 未关联台账中的人员，不能查看看板。请协调员在对话中发送「关联 姓名 {user.AccountId}」后再打开。");
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
            filters = new { items = data.AllItems, offices = data.AllOffices.Select(o => new { id = o.Id, name = o.Name }) },
        });
    }
}
