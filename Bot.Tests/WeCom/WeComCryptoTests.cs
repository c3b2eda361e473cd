using System.Text;
using CampaignBot.WeCom;

namespace CampaignBot.Tests.WeCom;

/// <summary>
/// The callback cipher against WeCom's published test vectors, byte for byte
/// (/work/shared/docs/wecom/protocol.md §1, reproduced there independently in Python): the official
/// Tencent Python sample's (A), wechatpy's deterministic encryption (B), and the official C# sample's (C),
/// whose pad of 30 bytes .NET's own PKCS7 mode would refuse.
/// </summary>
public class WeComCryptoTests
{
    private const string TokenA = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    private const string KeyA = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    private const string CorpA = "ww1436e0e65a779aee";
    private const string EncryptA =
        "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
    private const string PlainA =
        "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>";

    [Fact]
    public void VectorA_UrlCheck_SignatureAndEchoMatchTheOfficialSample()
    {
        const string echo = "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
        var crypto = new WeComCrypto(TokenA, KeyA, CorpA);

        Assert.Equal("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", crypto.Sign("1476416373", "47744683", echo));
        Assert.True(crypto.IsSigned("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683", echo));
        Assert.Equal("1288432023552776189", crypto.Decrypt(echo));
        // Re-encrypted with the sample's own random bytes, the ciphertext comes back byte for byte.
        Assert.Equal(echo, crypto.Encrypt("1288432023552776189", Encoding.ASCII.GetBytes("8908d0ff052afda0")));
    }

    [Fact]
    public void VectorA_Message_DecryptsToTheSampleXmlAndReEncryptsIdentically()
    {
        var crypto = new WeComCrypto(TokenA, KeyA, CorpA);

        Assert.Equal("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", crypto.Sign("1476422779", "1597212914", EncryptA));
        Assert.Equal(PlainA, crypto.Decrypt(EncryptA)); // 228 bytes with "你好": the length counts bytes, pad 22
        Assert.Equal(EncryptA, crypto.Encrypt(PlainA, Encoding.ASCII.GetBytes("694ce5a83ae07fe3")));
    }

    [Fact]
    public void VectorA_OwnReply_MatchesTheBriefsIndependentComputation()
    {
        var crypto = new WeComCrypto(TokenA, KeyA, CorpA);

        var encrypt = crypto.Encrypt(PlainA, Encoding.ASCII.GetBytes("1234567890123456"));

        Assert.Equal("fabff8670719a0b942ff09f39446ce54456d412b", crypto.Sign("1476422779", "1597212914", encrypt));
    }

    [Fact]
    public void VectorB_Encrypt_IsByteIdenticalToWechatpysTest()
    {
        const string reply = "<xml>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[test]]></Content>\n<FromUserName><![CDATA[wx49f0ab532d5d035a]]></FromUserName>\n<ToUserName><![CDATA[messense]]></ToUserName>\n<AgentID>1</AgentID>\n<CreateTime>1411525903</CreateTime>\n</xml>";
        const string expected = "9s4gMv99m88kKTh/H8IdkOiMg6bisoy3ypwy9H4hvSPe9nsGaqyw5hhSjdYbcrKk+j3nba4HMOTzHrluLBYqxgNcBqGsL8GqxlhZgURnAtObvesEl5nZ+uBE8bviY0LWke8Zy9V/QYKxNV2FqllNXcfmstttyIkMKCCmVbCFM2JTF5wY0nFhHZSjPUL2Q1qvSUCUld+/WIXrx0oyKQmpB6o8NRrrNrsDf03oxI1p9FxUgMnwKKZeOA/uu+2IEvEBtb7muXsVbwbgX05UPPJvFurDXafG0RQyPR+mf1nDnAtQmmNOuiR5MIkdQ39xn1vWwi1O5oazPoQJz0nTYjxxEE8kv3kFxtAGVRe3ypD3WeK2XeFYFMNMpatF9XiKzHo3";
        var crypto = new WeComCrypto("123456", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "wx49f0ab532d5d035a");

        var encrypt = crypto.Encrypt(reply, Encoding.ASCII.GetBytes("1234567890123456"));

        Assert.Equal(expected, encrypt);
        Assert.Equal("407518b7649e86ef23978113f92d27afa9296533", crypto.Sign("1411525903", "461056294", encrypt));
        Assert.Equal(reply, crypto.Decrypt(encrypt));
    }

    [Fact]
    public void VectorB_UrlCheckAndMessage_MatchWechatpysTest()
    {
        const string echo = "4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==";
        const string message = "RgqEoJj5A4EMYlLvWO1F86ioRjZfaex/gePD0gOXTxpsq5Yj4GNglrBb8I2BAJVODGajiFnXBu7mCPatfjsu6IHCrsTyeDXzF6Bv283dGymzxh6ydJRvZsryDyZbLTE7rhnus50qGPMfp2wASFlzEgMW9z1ef/RD8XzaFYgm7iTdaXpXaG4+BiYyolBug/gYNx410cvkKR2/nPwBiT+P4hIiOAQqGp/TywZBtDh1yCF2KOd0gpiMZ5jSw3e29mTvmUHzkVQiMS6td7vXUaWOMZnYZlF3So2SjHnwh4jYFxdgpkHHqIrH/54SNdshoQgWYEvccTKe7FS709/5t6NMxuGhcUGAPOQipvWTT4dShyqio7mlsl5noTrb++x6En749zCpQVhDpbV6GDnTbcX2e8K9QaNWHp91eBdCRxthuL0=";
        var crypto = new WeComCrypto("123456", "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR", "wx49f0ab532d5d035a");

        Assert.True(crypto.IsSigned("dd6b9c95b495b3f7e2901bfbc76c664930ffdb96", "1411443780", "437374425", echo));
        Assert.Equal("5927782489442352469", crypto.Decrypt(echo));
        Assert.True(crypto.IsSigned("74d92dfeb87ba7c714f89d98870ae5eb62dff26d", "1411525903", "461056294", message));
        Assert.Contains("<MsgId>4363689963896700987</MsgId>", crypto.Decrypt(message)); // pad 1
    }

    [Fact]
    public void VectorC_OfficialCSharpSample_DecryptsAPadOfThirtyBytes()
    {
        const string echo = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
        const string message = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
        var crypto = new WeComCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7");

        Assert.True(crypto.IsSigned("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780", echo));
        Assert.Equal("1616140317555161061", crypto.Decrypt(echo));
        Assert.True(crypto.IsSigned("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149", message));
        var plain = crypto.Decrypt(message);
        Assert.Contains("<Content><![CDATA[hello]]></Content>", plain);
        Assert.Contains("<MsgId>4561255354251345929</MsgId>", plain);
        Assert.Contains("<AgentID>218</AgentID>", plain);
    }

    [Fact]
    public void AnotherReceiver_OrAnAlteredSignature_IsRefused()
    {
        var forTheAiBot = new WeComCrypto(TokenA, KeyA, receiveId: "");

        Assert.Throws<FormatException>(() => forTheAiBot.Decrypt(EncryptA)); // the app's message names its CorpID
        Assert.False(forTheAiBot.IsSigned("0c3914025cb4b4d68103f6bfc8db550f79dcf48f", "1476422779", "1597212914", EncryptA));
        Assert.False(forTheAiBot.IsSigned("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422780", "1597212914", EncryptA));
    }

    [Fact]
    public void AiBotMessages_RoundTripWithAnEmptyReceiveId()
    {
        var crypto = new WeComCrypto(TokenA, KeyA, receiveId: "");
        const string json = "{\"msgid\":\"m1\",\"from\":{\"userid\":\"zhangwei\"},\"msgtype\":\"text\",\"text\":{\"content\":\"本周到期\"}}";

        Assert.Equal(json, crypto.Decrypt(crypto.Encrypt(json)));
    }
}
