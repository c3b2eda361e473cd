using System.Text;

namespace CampaignBot.EvidenceFiles;

/// <summary>
/// Names that every archive tool and file system accepts: no folder parts, none of Windows' reserved
/// characters or names, no trailing dots or spaces, bounded length; made unique within a folder by
/// " (2)", " (3)" before the extension.
/// </summary>
public static class SafeFileNames
{
    private const int MaxLength = 120;
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "LPT1", "LPT2", "LPT3" };

    public static string Clean(string? name, string fallback)
    {
        var builder = new StringBuilder();
        foreach (var c in (name ?? "").Replace('\\', '/').Split('/').Last())
        {
            builder.Append(c < ' ' || "<>:\"|?*".Contains(c) ? '_' : c);
        }

        var cleaned = builder.ToString().Trim().TrimEnd('.').Trim();
        if (cleaned.Length == 0 || cleaned is "." or ".." || Reserved.Contains(Path.GetFileNameWithoutExtension(cleaned)))
        {
            cleaned = fallback + (cleaned.Length > 0 && cleaned is not ("." or "..") ? "_" + cleaned : "");
        }

        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length <= 10 ? extension : "";
            cleaned = cleaned[..(MaxLength - extension.Length)].TrimEnd() + extension;
        }

        return cleaned;
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
}
