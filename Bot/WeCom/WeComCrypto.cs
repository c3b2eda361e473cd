using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CampaignBot.WeCom;

/// <summary>
/// WeCom's callback encryption (WXBizMsgCrypt, docs/wecom.md "Callback"): the signature is the
/// lower-case hex SHA1 of token, timestamp, nonce and ciphertext sorted ordinally and joined; the
/// ciphertext is Base64 of AES-256-CBC (key = Base64(EncodingAESKey + "="), IV = its first 16 bytes)
/// over random(16) ‖ length(4, big-endian, bytes) ‖ message (UTF-8) ‖ receiveid, padded by hand with
/// PKCS#7 to a multiple of 32 bytes: .NET's PKCS7 works on 16-byte blocks and would refuse pads of
/// 17-32, which WeCom's messages carry. The AI bot's receiveid is "".
/// </summary>
public sealed class WeComCrypto
{
    private const int BlockBytes = 32;
    private readonly string token;
    private readonly byte[] key;
    private readonly string receiveId;

    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        if (encodingAesKey.Length != 43)
        {
            throw new ArgumentException("An EncodingAESKey is 43 characters.", nameof(encodingAesKey));
        }

        this.token = token;
        key = Convert.FromBase64String(encodingAesKey + "=");
        this.receiveId = receiveId;
    }

    /// <summary>sha1(sort(token, timestamp, nonce, encrypt)), lower-case hex. Ordinal: a culture's sort can order differently.</summary>
    public static string Signature(string token, string timestamp, string nonce, string encrypt)
    {
        var parts = new[] { token, timestamp, nonce, encrypt };
        Array.Sort(parts, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
    }

    public string Sign(string timestamp, string nonce, string encrypt) => Signature(token, timestamp, nonce, encrypt);

    /// <summary>Whether <paramref name="signature"/> is this token's signature of the rest (compared in fixed time).</summary>
    public bool IsSigned(string? signature, string? timestamp, string? nonce, string? encrypt) =>
        signature is { Length: 40 } && timestamp is { Length: > 0 } && nonce is { Length: > 0 } && encrypt is { Length: > 0 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature.ToLowerInvariant()), Encoding.ASCII.GetBytes(Sign(timestamp, nonce, encrypt)));

    /// <summary>The message inside <paramref name="encrypt"/>; <see cref="FormatException"/> when it is not one for this receiver.</summary>
    public string Decrypt(string encrypt)
    {
        byte[] plain;
        try
        {
            using var aes = Cipher();
            var cipher = Convert.FromBase64String(encrypt);
            plain = aes.DecryptCbc(cipher, key.AsSpan(0, 16), PaddingMode.None);
        }
        catch (CryptographicException e)
        {
            throw new FormatException("Not a WeCom ciphertext for this key.", e);
        }

        var pad = plain.Length > 0 ? plain[^1] : 0;
        if (pad is < 1 or > BlockBytes || plain.Length < 20 + pad)
        {
            throw new FormatException("The WeCom ciphertext's padding is not PKCS#7 to 32 bytes.");
        }

        var body = plain.AsSpan(0, plain.Length - pad);
        var length = BinaryPrimitives.ReadUInt32BigEndian(body.Slice(16, 4));
        if (length > body.Length - 20)
        {
            throw new FormatException("The WeCom message's length runs past its end.");
        }

        var message = body.Slice(20, (int)length);
        var receiver = body[(20 + (int)length)..];
        if (!receiver.SequenceEqual(Encoding.UTF8.GetBytes(receiveId)))
        {
            throw new FormatException("The WeCom message is for another receiver.");
        }

        return Encoding.UTF8.GetString(message);
    }

    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(16));

    /// <summary>Encrypts with the given 16 random bytes (the published vectors fix them).</summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        var text = Encoding.UTF8.GetBytes(message);
        var receiver = Encoding.UTF8.GetBytes(receiveId);
        var length = 16 + 4 + text.Length + receiver.Length;
        var pad = BlockBytes - (length % BlockBytes); // a whole block of 32 when already aligned
        var plain = new byte[length + pad];
        random[..16].CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(16, 4), (uint)text.Length);
        text.CopyTo(plain, 20);
        receiver.CopyTo(plain, 20 + text.Length);
        plain.AsSpan(length).Fill((byte)pad);
        using var aes = Cipher();
        return Convert.ToBase64String(aes.EncryptCbc(plain, key.AsSpan(0, 16), PaddingMode.None));
    }

    private Aes Cipher()
    {
        var aes = Aes.Create();
        aes.Key = key;
        return aes;
    }
}
