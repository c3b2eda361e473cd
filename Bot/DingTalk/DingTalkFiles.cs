using Microsoft.AspNetCore.WebUtilities;

namespace CampaignBot.DingTalk;

/// <summary>
/// How a DingTalk file is named inside the bot: an address under DingTalk:ApiBaseUrl that carries
/// its download code, kept with the evidence, and turned into a download link only when fetched (the
/// link DingTalk gives is temporary; the code lets a retry days later ask again).
/// </summary>
public static class DingTalkFiles
{
    private const string DownloadPath = "/v1.0/robot/messageFiles/download";

    public static string AddressOf(string downloadCode, DingTalkOptions options) =>
        options.Api(DownloadPath) + "?downloadCode=" + Uri.EscapeDataString(downloadCode);

    /// <summary>The download code in an address made by <see cref="AddressOf"/>, or null.</summary>
    public static string? DownloadCodeOf(string? address, DingTalkOptions options) =>
        address is not null && address.StartsWith(options.Api(DownloadPath) + "?", StringComparison.Ordinal)
        && QueryHelpers.ParseQuery(new Uri(address).Query).TryGetValue("downloadCode", out var code) && code.Count == 1
            ? code[0]
            : null;

    /// <summary>What a file claims to be, by its extension (checked against its content when it is kept).</summary>
    public static string TypeOf(string? fileName) => Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".pdf" => "application/pdf",
        ".docx" or ".xlsx" or ".pptx" => "application/zip",
        ".mp4" => "video/mp4",
        _ => "application/octet-stream",
    };
}
