using System.Security.Cryptography;
using CampaignBot.WeCom.Files;

namespace CampaignBot.Tests.WeCom;

/// <summary>WeCom's media cipher: AES-256-CBC, IV the key's first 16 bytes, PKCS#7 to 32-byte blocks (pads 1..32).</summary>
public class WeComMediaCipherTests
{
    [Fact]
    public void Cipher_PadsTo32ByteBlocks_AndRefusesAWrongKey()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        foreach (var length in new[] { 0, 1, 15, 16, 31, 32, 33, 1000 })
        {
            var plain = RandomNumberGenerator.GetBytes(length);
            var encrypted = WeComMediaCipher.Encrypt(plain, key);
            Assert.Equal(0, encrypted.Length % 32);
            Assert.Equal(length + (32 - length % 32), encrypted.Length); // a full block of 32 when already a multiple
            Assert.Equal(plain, WeComMediaCipher.Decrypt(encrypted, key));
        }

        // Pad values over 16, which .NET's own PKCS7 mode would refuse: checked against a plain decryption.
        // Fixed keys here: with a random wrong key, about one decryption in 256 ends in a valid pad by
        // chance (a last byte of 1), which made this check fail now and then.
        var fixedKey = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var sample = WeComMediaCipher.Encrypt(new byte[10], fixedKey);
        using var aes = Aes.Create();
        aes.Key = fixedKey;
        var raw = aes.DecryptCbc(sample, fixedKey[..16], PaddingMode.None);
        Assert.Equal(22, raw[^1]);
        var wrongKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
        Assert.ThrowsAny<CryptographicException>(() => WeComMediaCipher.Decrypt(sample, wrongKey));
    }

    [Fact]
    public void KeyOf_TakesTheBase64Key_WithOrWithoutItsPadding()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        Assert.Equal(key, WeComMediaCipher.KeyOf(Convert.ToBase64String(key)));
        Assert.Equal(key, WeComMediaCipher.KeyOf(Convert.ToBase64String(key).TrimEnd('=')));
        Assert.Throws<FormatException>(() => WeComMediaCipher.KeyOf(Convert.ToBase64String(new byte[16])));
    }
}
