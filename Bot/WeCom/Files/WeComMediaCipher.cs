using System.Security.Cryptography;

namespace CampaignBot.WeCom.Files;

/// <summary>
/// WeCom's media encryption (docs/wecom.md "Evidence"): AES-256-CBC with the per-url aeskey (base64,
/// 32 bytes) as the key and its first 16 bytes as the IV, padded PKCS#7 to a multiple of 32 bytes
/// (pad values 1..32, which .NET's PKCS7 mode, working on 16-byte blocks, would refuse), so the
/// cipher runs without padding and the pad is checked and stripped by hand. Streamed: a 100 MB file
/// is never held in memory whole.
/// </summary>
public static class WeComMediaCipher
{
    public const int PadBlock = 32;

    /// <summary>The key from the message's aeskey; WeCom sends it base64 (with or without its trailing "=").</summary>
    public static byte[] KeyOf(string aesKey)
    {
        var text = aesKey.Trim();
        var key = Convert.FromBase64String(text.Length % 4 == 0 ? text : text + new string('=', 4 - text.Length % 4));
        return key.Length == 32 ? key : throw new FormatException($"a WeCom aeskey is 32 bytes, this one {key.Length}");
    }

    /// <summary>The plain bytes of <paramref name="encrypted"/>, read as they are needed.</summary>
    public static Stream Decrypt(Stream encrypted, byte[] key)
    {
        var aes = Aes.Create();
        aes.Key = key;
        aes.IV = key[..16];
        aes.Mode = CipherMode.CBC;
        aes.Padding = PaddingMode.None;
        return new Pkcs7Tail(new CryptoStream(encrypted, aes.CreateDecryptor(), CryptoStreamMode.Read), aes);
    }

    public static byte[] Decrypt(byte[] encrypted, byte[] key)
    {
        using var plain = Decrypt(new MemoryStream(encrypted), key);
        using var copy = new MemoryStream();
        plain.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The tests' and the stand-in's side: <paramref name="plain"/> as WeCom would send it.</summary>
    public static byte[] Encrypt(byte[] plain, byte[] key)
    {
        var pad = PadBlock - plain.Length % PadBlock;
        var padded = new byte[plain.Length + pad];
        plain.CopyTo(padded, 0);
        padded.AsSpan(plain.Length).Fill((byte)pad);
        using var aes = Aes.Create();
        aes.Key = key;
        return aes.EncryptCbc(padded, key[..16], PaddingMode.None);
    }

    /// <summary>Holds back the last 32 bytes until the end, then drops the pad after checking it.</summary>
    private sealed class Pkcs7Tail(Stream inner, IDisposable cipher) : EvidenceFiles.ForwardOnlyStream(inner, cipher)
    {
        private readonly byte[] held = new byte[PadBlock * 2];
        private int heldCount;
        private bool ended;

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length == 0)
            {
                return 0;
            }

            // Keep more than 32 bytes held (or reach the end), so what is given out can never be pad.
            while (!ended && heldCount <= PadBlock)
            {
                var read = await Inner.ReadAsync(held.AsMemory(heldCount), cancellationToken);
                if (read == 0)
                {
                    ended = true;
                    Unpad();
                }

                heldCount += read;
            }

            var give = ended ? Math.Min(buffer.Length, heldCount) : Math.Min(buffer.Length, heldCount - PadBlock);
            held.AsSpan(0, give).CopyTo(buffer.Span);
            held.AsSpan(give, heldCount - give).CopyTo(held);
            heldCount -= give;
            return give;
        }

        private void Unpad()
        {
            var pad = heldCount == 0 ? 0 : held[heldCount - 1];
            if (pad is < 1 or > PadBlock || pad > heldCount || held.AsSpan(heldCount - pad, pad).ContainsAnyExcept((byte)pad))
            {
                throw new CryptographicException("The WeCom file did not decrypt with its key (bad padding)");
            }

            heldCount -= pad;
        }
    }
}
