namespace CampaignBot.EvidenceFiles;

/// <summary>
/// What a file is, from its first bytes (its signature), not from what the sender or the channel
/// says: a "photo" that is really an HTML page must not be kept and served as a photo.
/// </summary>
public static class ContentSniffer
{
    public const int BytesNeeded = 16;

    private static readonly (string Type, int Offset, byte[] Signature)[] Signatures =
    [
        ("image/png", 0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", 0, [0xFF, 0xD8, 0xFF]),
        ("image/gif", 0, "GIF8"u8.ToArray()),
        ("image/bmp", 0, "BM"u8.ToArray()),
        ("image/tiff", 0, [0x49, 0x49, 0x2A, 0x00]),
        ("image/tiff", 0, [0x4D, 0x4D, 0x00, 0x2A]),
        ("application/pdf", 0, "%PDF-"u8.ToArray()),
        // Office documents (docx, xlsx, pptx), and zip archives.
        ("application/zip", 0, [0x50, 0x4B, 0x03, 0x04]),
        // Legacy Office documents (doc, xls, ppt) and WPS files.
        ("application/x-ole-storage", 0, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        ("audio/mpeg", 0, "ID3"u8.ToArray()),
        ("audio/ogg", 0, "OggS"u8.ToArray()),
        ("video/x-matroska", 0, [0x1A, 0x45, 0xDF, 0xA3]),
        ("application/x-rar-compressed", 0, "Rar!"u8.ToArray()),
        ("application/x-7z-compressed", 0, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]),
    ];

    /// <summary>The type the bytes show, or null when they match no known document, picture, sound or video.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8))
        {
            return head[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : head[8..12].SequenceEqual("WAVE"u8) ? "audio/wav" : head[8..12].SequenceEqual("AVI "u8) ? "video/x-msvideo" : null;
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            // ISO media: the brand says whether it is a photo (HEIC from phones, AVIF) or a video.
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            return brand is "heic" or "heix" or "hevc" or "heim" or "heis" or "mif1" or "msf1" ? "image/heic"
                : brand is "avif" or "avis" ? "image/avif"
                : brand is "M4A " ? "audio/mp4"
                : "video/mp4";
        }

        foreach (var (type, offset, signature) in Signatures)
        {
            if (head.Length >= offset + signature.Length && head.Slice(offset, signature.Length).SequenceEqual(signature))
            {
                return type;
            }
        }

        return LooksLikeText(head) ? "text/plain" : null;
    }

    /// <summary>Plain text (a .txt or .csv note): no control characters but tab and line ends, whatever the encoding.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
        {
            return false;
        }

        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether what the sender claimed agrees with the bytes, as far as the claim says anything: a
    /// claimed picture must be a picture, a PDF a PDF, an Office document a zip or OLE file; a
    /// generic claim (none, octet-stream) agrees with any known kind of file.
    /// </summary>
    public static bool Agrees(string? claimed, string? detected)
    {
        if (detected is null)
        {
            return false;
        }

        var claim = (claimed ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return claim switch
        {
            "" or "application/octet-stream" or "binary/octet-stream" => true,
            _ when claim.StartsWith("image/", StringComparison.Ordinal) => detected.StartsWith("image/", StringComparison.Ordinal),
            _ when claim.StartsWith("video/", StringComparison.Ordinal) => detected.StartsWith("video/", StringComparison.Ordinal),
            _ when claim.StartsWith("audio/", StringComparison.Ordinal) => detected.StartsWith("audio/", StringComparison.Ordinal) || detected == "video/mp4",
            _ when claim.StartsWith("text/", StringComparison.Ordinal) => detected == "text/plain",
            "application/pdf" => detected == "application/pdf",
            _ when claim.Contains("openxmlformats", StringComparison.Ordinal) || claim.Contains("zip", StringComparison.Ordinal) => detected == "application/zip",
            "application/msword" or "application/vnd.ms-excel" or "application/vnd.ms-powerpoint" => detected is "application/x-ole-storage" or "application/zip",
            // A Teams file attachment's type says only that it is a file to download.
            _ when claim.StartsWith("application/vnd.microsoft.teams.file", StringComparison.Ordinal) => true,
            _ => true,
        };
    }
}
