using CampaignBot.Ledger.Repositories;
using CampaignBot.DirectLine;
using CampaignBot.EvidenceFiles;

namespace CampaignBot.Board;

/// <summary>
/// GET /board/evidence.zip[?item=测评项目]: the evidence binder for the inspectors, for coordinators
/// and leaders (the people who see the whole campaign), with the page's sign-in.
/// </summary>
public static class BinderEndpoints
{
    public static IEndpointRouteBuilder MapBinder(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/board/evidence.zip", DownloadAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(HttpContext http, string? item, WebUsers users, DirectoryRepository directory, EvidenceBinder binder)
    {
        if (await users.CurrentAsync(http) is not { } user)
        {
            return DirectLineErrors.Unauthorized("请先登录。");
        }

        if (await directory.FindPersonByAccountAsync(user.AccountId, http.RequestAborted) is not { SeesWholeCampaign: true })
        {
            return DirectLineErrors.Forbidden("佐证材料汇编仅供协调员和领导下载。");
        }

        // Written to a temporary file first: a zip's directory is written when it is closed, and the
        // response stream takes no synchronous writes. The file goes when the response is done.
        var temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await binder.WriteAsync(temporary, string.IsNullOrWhiteSpace(item) ? null : item.Trim(), http.RequestAborted);
        }
        catch
        {
            await temporary.DisposeAsync();
            throw;
        }

        temporary.Position = 0;
        var name = string.IsNullOrWhiteSpace(item) ? "佐证材料汇编.zip" : $"佐证材料汇编-{SafeFileNames.Clean(item, "item")}.zip";
        return Results.File(temporary, "application/zip", name);
    }
}
