using CampaignBot.Bots;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using CampaignBot.Security;

namespace CampaignBot.DirectLine;

/// <summary>
/// Uploads (POST .../upload, multipart: an "activity" part and "file" parts, as DirectLineJS sends
/// them): size-limited, stored under the data folder with generated names, then posted to the bot
/// as attachments whose urls point back here. Files are served only to who may see them.
/// </summary>
public static class DirectLineUploads
{
    public static RouteGroupBuilder MapDirectLineUploads(this RouteGroupBuilder group)
    {
        group.MapPost("/conversations/{conversationId}/upload", UploadAsync).RequireRateLimiting(DirectLineRateLimits.Uploads);
        group.MapGet("/attachments/{attachmentId}", DownloadAsync);
        return group;
    }

    private static async Task<IResult> UploadAsync(
        HttpContext http, string conversationId, DirectLineSecret secret, DirectLineTokens tokens, DirectLineStore store,
        DirectLineChannel channel, IBot bot, IOptions<DirectLineOptions> options, IOptions<LimitsOptions> limits, UploadQuota quota)
    {
        var (conversation, refusal) = await DirectLineEndpoints.AuthorizeAsync(http, conversationId, secret, tokens, store);
        if (conversation is null)
        {
            return refusal!;
        }

        var limit = options.Value.MaxUploadBytes;
        if (http.Request.ContentLength > limit)
        {
            return DirectLineErrors.TooLarge(limit);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limit;
        }

        if (!http.Request.HasFormContentType)
        {
            return DirectLineErrors.BadArgument("An upload is multipart/form-data.");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                ? DirectLineErrors.TooLarge(limit)
                : DirectLineErrors.BadArgument($"The upload is not valid multipart: {e.Message}");
        }

        Activity activity;
        if (form.Files.GetFile("activity") is { } activityPart)
        {
            using var reader = new StreamReader(activityPart.OpenReadStream());
            if (ActivityShape.Parse(await reader.ReadToEndAsync(http.RequestAborted), out var parsed) is { } problem)
            {
                return DirectLineErrors.BadArgument(problem);
            }

            activity = parsed!;
            if (DirectLineEndpoints.TextTooLong(activity, limits.Value) is { } tooLong)
            {
                return tooLong;
            }
        }
        else
        {
            activity = new Activity { Type = ActivityTypes.Message };
        }

        var files = form.Files.Where(f => f.Name != "activity").ToList();
        if (files.Count == 0)
        {
            return DirectLineErrors.BadArgument("The upload has no files.");
        }

        var (reservation, overQuota) = await quota.ReserveAsync(conversation.UserId, files.Sum(f => f.Length), http.RequestAborted);
        if (reservation is null)
        {
            return overQuota!;
        }

        var folder = PrivateFiles.EnsureFolder(options.Value.AttachmentsFolder);
        var attachments = new List<Attachment>();
        using (reservation)
        {
            foreach (var file in files)
            {
                var stored = new StoredAttachment(DirectLineStore.NewId("a"), conversation.Id, conversation.UserId, SafeName(file.FileName),
                    string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType, file.Length);
                await using (var target = new FileStream(Path.Combine(folder, stored.Id), PrivateFiles.NewFile()))
                {
                    await file.CopyToAsync(target, http.RequestAborted);
                }

                await store.AddAttachmentAsync(stored, http.RequestAborted);
                attachments.Add(new Attachment(stored.ContentType, UrlOf(http, stored.Id), name: stored.Name));
            }
        }

        activity.Attachments = attachments;
        var id = await channel.PostFromUserAsync(conversation, activity, bot);
        return Results.Json(new { id });
    }

    /// <summary>
    /// A stored file, for its uploader, or for anyone who may see a task it is evidence of. The
    /// viewer is the signed-in page user (an image in Web Chat is fetched with the page's cookie)
    /// or the holder of a Direct Line token. Anyone else gets 404, which does not say it exists.
    /// </summary>
    private static async Task<IResult> DownloadAsync(
        HttpContext http, string attachmentId, DirectLineStore store, WebUsers webUsers, DirectLineSecret secret, DirectLineTokens tokens,
        AttachmentAccess access, IOptions<DirectLineOptions> options)
    {
        var viewer = (await webUsers.CurrentAsync(http))?.AccountId;
        if (viewer is null && http.Request.Headers.Authorization.Count > 0)
        {
            viewer = (await DirectLineCaller.ReadAsync(http, secret, tokens)).Caller?.Grant?.UserId;
        }

        if (viewer is null)
        {
            return DirectLineErrors.Unauthorized("Sign in to see files.");
        }

        var stored = await store.FindAttachmentAsync(attachmentId, http.RequestAborted);
        if (stored is null || !await access.MaySeeAsync(viewer, stored, http.RequestAborted))
        {
            return DirectLineErrors.NotFound("No such file.");
        }

        var path = Path.Combine(Path.GetFullPath(options.Value.AttachmentsFolder), stored.Id);
        if (!File.Exists(path))
        {
            return DirectLineErrors.NotFound("The file is missing from the data folder.");
        }

        // Always a download (Content-Disposition: attachment, from the file name), never guessed at
        // (nosniff), and a page, SVG or script is sent as bytes no browser renders: whatever type the
        // uploader claimed, a file opened from here runs nothing (an <img> in Web Chat still shows a picture).
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(path, ActiveContent.ServedType(stored.Name, stored.ContentType), stored.Name);
    }

    public static string UrlOf(HttpContext http, string attachmentId) =>
        $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{DirectLineEndpoints.Prefix}/attachments/{attachmentId}";

    /// <summary>The file's own name without any folder part a client put in it.</summary>
    private static string SafeName(string? name)
    {
        var bare = ControlCharacters.OneLine(Path.GetFileName((name ?? "").Replace('\\', '/'))).Trim();
        return string.IsNullOrWhiteSpace(bare) ? "file" : bare[..Math.Min(bare.Length, 200)];
    }
}
