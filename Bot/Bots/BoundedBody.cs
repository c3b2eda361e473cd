using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace CampaignBot.Bots;

/// <summary>
/// Reads a channel endpoint's request body as text, refusing one over the endpoint's limit: by its
/// declared length before reading, and by Kestrel's body limit while reading one that did not declare it.
/// </summary>
public static class BoundedBody
{
    /// <summary>The body, or null and the status to answer (413 too large, or what Kestrel found wrong).</summary>
    public static async Task<(string? Text, int Status)> ReadAsync(HttpContext http, int maxBytes)
    {
        if (http.Request.ContentLength > maxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, leaveOpen: true);
            return (await reader.ReadToEndAsync(http.RequestAborted), StatusCodes.Status200OK);
        }
        catch (BadHttpRequestException e)
        {
            return (null, e.StatusCode);
        }
    }
}
