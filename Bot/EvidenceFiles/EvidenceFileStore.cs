using System.Security.Cryptography;
using CampaignBot.Security;
using Microsoft.Extensions.Options;

namespace CampaignBot.EvidenceFiles;

/// <summary>
/// The folder of evidence files: each distinct content once, at ab/abcdef… (its SHA-256), written to
/// a temporary file first and moved into place whole, so a crash leaves no half file under a hash.
/// Files are the service user's only.
/// </summary>
public sealed class EvidenceFileStore(IOptions<EvidenceOptions> options)
{
    public sealed record Saved(string Sha256, long SizeBytes, string? DetectedType);

    public string Folder => Path.GetFullPath(options.Value.Folder);

    public string PathOf(string sha256) => Path.Combine(Folder, sha256[..2], sha256);

    /// <summary>Copies <paramref name="content"/> into the store; null when it is longer than the limit (nothing is kept then).</summary>
    public async Task<Saved?> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        PrivateFiles.EnsureFolder(Folder);
        var temporary = Path.Combine(Folder, ".incoming-" + Guid.NewGuid().ToString("N"));
        try
        {
            string hash;
            long size = 0;
            var head = new byte[ContentSniffer.BytesNeeded];
            var headLength = 0;
            await using (var target = new FileStream(temporary, PrivateFiles.NewFile()))
            using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > limit)
                    {
                        return null;
                    }

                    if (headLength < head.Length)
                    {
                        var take = Math.Min(read, head.Length - headLength);
                        Array.Copy(buffer, 0, head, headLength, take);
                        headLength += take;
                    }

                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                await target.FlushAsync(cancellationToken);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var final = PathOf(hash);
            PrivateFiles.EnsureFolder(Path.GetDirectoryName(final)!);
            if (File.Exists(final))
            {
                File.Delete(temporary);
            }
            else
            {
                File.Move(temporary, final);
            }

            return new Saved(hash, size, ContentSniffer.Detect(head.AsSpan(0, headLength)));
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Whether the stored file for a hash is there and still has that hash.</summary>
    public async Task<FileCheck> VerifyAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return FileCheck.Missing;
        }

        await using var stream = File.OpenRead(path);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        return actual == sha256 ? FileCheck.Intact : FileCheck.Changed;
    }
}

public enum FileCheck
{
    Intact,
    Missing,
    Changed,
}
