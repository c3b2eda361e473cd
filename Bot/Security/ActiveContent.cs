namespace CampaignBot.Security;

/// <summary>
/// Files a browser, or the system's default program, would run rather than show: web pages (HTML,
/// XHTML, MHTML), SVG and XML with their scripts and stylesheets, JavaScript, and Windows' script
/// and program files. They are kept as evidence like any file, but never served for a browser to
/// render (<see cref="ServedType"/>), and the binder adds ".txt" to their names so that opening one
/// on an inspector's desk shows its text.
/// </summary>
public static class ActiveContent
{
    public const string TextSuffix = ".txt";

    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".html", ".htm", ".shtml", ".xhtml", ".xht", ".mht", ".mhtml", ".svg", ".svgz", ".xml", ".xsl", ".xslt",
        ".js", ".mjs", ".jse", ".vbs", ".vbe", ".wsf", ".wsh", ".hta", ".ps1", ".bat", ".cmd", ".jar", ".swf",
        ".exe", ".com", ".scr", ".msi", ".lnk", ".url", ".desktop", ".sh",
    };

    private static readonly string[] Types =
    [
        "text/html", "application/xhtml+xml", "image/svg+xml", "text/xml", "application/xml", "text/xsl", "application/xslt+xml",
        "text/javascript", "application/javascript", "application/ecmascript", "text/ecmascript", "application/x-javascript",
        "multipart/related", "message/rfc822", "application/x-shockwave-flash", "application/hta", "application/x-msdownload",
    ];

    /// <summary>What a browser may show inline with no risk (given nosniff): pictures, PDF, sound, video, plain text.</summary>
    private static readonly string[] PassiveTypes =
    [
        "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp", "image/heic", "image/avif", "image/tiff",
        "application/pdf", "text/plain", "audio/mpeg", "audio/ogg", "audio/wav", "audio/mp4", "video/mp4", "video/x-matroska", "video/x-msvideo",
    ];

    /// <summary>Whether the name's extension or the claimed type is one that runs.</summary>
    public static bool IsActive(string? name, string? contentType) =>
        Extensions.Contains(Path.GetExtension(name ?? "").TrimEnd('.', ' '))
        || Types.Contains(MediaType(contentType), StringComparer.Ordinal)
        || MediaType(contentType).EndsWith("+xml", StringComparison.Ordinal);

    /// <summary>The name a file of active content gets where people open it (the binder): "page.html.txt".</summary>
    public static string Defused(string name) => name + TextSuffix;

    /// <summary>
    /// The Content-Type to serve a kept file with: its claimed type only when that is a passive one
    /// and the file is not active by name; anything else is application/octet-stream, which no
    /// browser renders (with nosniff, it does not guess either).
    /// </summary>
    public static string ServedType(string? name, string? contentType)
    {
        var type = MediaType(contentType);
        return !IsActive(name, contentType) && PassiveTypes.Contains(type, StringComparer.Ordinal) ? type : "application/octet-stream";
    }

    private static string MediaType(string? contentType) => (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
}
