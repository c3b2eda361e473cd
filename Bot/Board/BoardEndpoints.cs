using CampaignBot.Data.Repositories;
using CampaignBot.DirectLine;
using CampaignBot.Scheduling.Time;

namespace CampaignBot.Board;

/// <summary>
/// The board's data (GET /board/data?office=ID&amp;item=NAME) for the page at /board/, with the same
/// sign-in as the Web Chat page. Read from the ledger on every request: right after a change in chat.
/// </summary>
public static class BoardEndpoints
{
    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/board/data", DataAsync);
        return endpoints;
    }

    private static async Task<IResult> DataAsync(HttpContext http, long? office, string? item, WebUsers users, TaskRepository tasks, DirectoryRepository directory, CampaignClock clock)
    {
        if (await users.CurrentAsync(http) is null)
        {
            return DirectLineErrors.Unauthorized("请先登录。");
        }

        var snapshot = BoardSnapshot.Build(
            await tasks.AllAsync(http.RequestAborted), await directory.OfficesAsync(http.RequestAborted), clock.Today,
            new BoardFilter(office, string.IsNullOrWhiteSpace(item) ? null : item));
        return Results.Json(new
        {
            today = snapshot.Today,
            offices = snapshot.Offices,
            overdue = snapshot.Overdue,
            nextDays = snapshot.NextDays,
            items = snapshot.Items.Select(i => new { i.Item, i.Total, i.Done, i.WithEvidence, i.EvidenceGaps, i.Tasks }),
            filters = new { items = snapshot.AllItems, offices = snapshot.AllOffices.Select(o => new { id = o.Id, name = o.Name }) },
        });
    }
}
