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
    private const string IncomingPrefix = ".incoming-";

    /// <summary>What became of a save: the file's hash, size and detected type, or why it was not kept.</summary>
    public sealed record Saved(string? Sha256, long SizeBytes, string? DetectedType, string? Refusal);

    public string Folder => Path.GetFullPath(options.Value.Folder);

    public string PathOf(string sha256) => Path.Combine(Folder, sha256[..2], sha256);

    /// <summary>
    /// Copies <paramref name="content"/> into the store when it is within the size limit and
    /// <paramref name="accept"/> takes the type its bytes show; otherwise nothing is kept.
    /// </summary>
    public async Task<Saved> SaveAsync(Stream content, Func<string?, bool> accept, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        PrivateFiles.EnsureFolder(Folder);
        var temporary = Path.Combine(Folder, IncomingPrefix + Guid.NewGuid().ToString("N"));
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
                        return new Saved(null, size, null, RefusalReasons.TooLarge);
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

                // On disk before it is called stored: a power cut must not leave an empty file under a hash.
                target.Flush(flushToDisk: true);
                hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            }

            var detected = ContentSniffer.Detect(head.AsSpan(0, headLength));
            if (!accept(detected))
            {
                return new Saved(null, size, detected, RefusalReasons.NotWhatItClaims);
            }

            var final = PathOf(hash);
            PrivateFiles.EnsureFolder(Path.GetDirectoryName(final)!);
            try
            {
                File.Move(temporary, final);
            }
            catch (IOException) when (File.Exists(final))
            {
                // The same content, kept already (or by another save at this moment): one copy is enough.
            }

            return new Saved(hash, size, detected, null);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Removes what a save stopped by a crash left behind.</summary>
    public void RemoveLeftovers()
    {
        if (Directory.Exists(Folder))
        {
            foreach (var leftover in Directory.EnumerateFiles(Folder, IncomingPrefix + "*"))
            {
                File.Delete(leftover);
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
