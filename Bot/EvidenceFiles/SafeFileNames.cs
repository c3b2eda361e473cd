using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CampaignBot.EvidenceFiles;

/// <summary>
/// Names that every archive tool and file system accepts: folder separators and Windows' reserved
/// characters replaced (a title "安全/卫生检查" stays one name), no reserved device names (CON, COM1,
/// LPT9, also before any extension), no trailing dots or spaces, a bounded length that keeps whole
/// characters; made unique within a folder by " (2)", " (3)" before the extension.
/// </summary>
public static partial class SafeFileNames
{
    /// <summary>Per name: three levels (item, task, file) stay well under Windows' 260-character paths.</summary>
    private const int MaxLength = 80;

    public static string Clean(string? name, string fallback)
    {
        var builder = new StringBuilder();
        foreach (var c in (name ?? "").Trim())
        {
            builder.Append(c < ' ' || "<>:\"/\\|?*".Contains(c) ? '_' : c);
        }

        // No leading dot either: such a file is hidden in macOS's and Linux's archive views.
        var cleaned = builder.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        if (cleaned.Length == 0 || cleaned.All(c => c is '.' or '_'))
        {
            cleaned = fallback;
        }

        if (ReservedDevice().IsMatch(cleaned))
        {
            cleaned = "_" + cleaned;
        }

        return Shorten(cleaned);
    }

    /// <summary>The name, or the first of "name (2).ext", "name (3).ext" … not yet taken (compared as Windows does, ignoring case).</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}";
        }

        return candidate;
    }

    /// <summary>A name for a file that came without one, from its type (image/png → 附件.png).</summary>
    public static string ForType(string? contentType) => "附件" + ExtensionFor(contentType);

    /// <summary>
    /// The name with the extension its content shows, when it has none (a DingTalk picture arrives
    /// without a name; its bytes say whether it is a JPEG, PNG, GIF, WebP or HEIC photo).
    /// </summary>
    public static string WithExtensionFor(string name, string? contentType) =>
        Path.HasExtension(name) ? name : name + ExtensionFor(contentType);

    /// <summary>The usual extension of a type, with its dot; empty for a type without one.</summary>
    public static string ExtensionFor(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant() switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/gif" => ".gif",
        "image/webp" => ".webp",
        "image/heic" => ".heic",
        "image/avif" => ".avif",
        "image/bmp" => ".bmp",
        "image/tiff" => ".tif",
        "application/pdf" => ".pdf",
        "video/mp4" => ".mp4",
        "text/plain" => ".txt",
        _ => "",
    };

    private static string Shorten(string name)
    {
        if (new StringInfo(name).LengthInTextElements <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        extension = extension.Length <= 10 ? extension : "";
        var stem = new StringInfo(name[..^extension.Length]).SubstringByTextElements(0, MaxLength - extension.Length);
        return stem.TrimEnd() + extension;
    }

    [GeneratedRegex(@"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReservedDevice();
}
