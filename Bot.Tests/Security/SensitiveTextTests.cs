using CampaignBot.Security;

namespace CampaignBot.Tests.Security;

/// <summary>Issue 25: the miss log kept phone numbers, 身份证 numbers, an app secret and a JWT typed in chat.</summary>
public class SensitiveTextTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    [Theory]
    [InlineData("我的手机13812345678有事找我", "13812345678", SensitiveText.PhoneMarker)]
    [InlineData("电话 +86 138-1234-5678", "1234", SensitiveText.PhoneMarker)]
    [InlineData("办公室 010-66012345", "66012345", SensitiveText.PhoneMarker)]
    [InlineData("身份证110105199003072316请核对", "110105199003072316", SensitiveText.IdNumberMarker)]
    [InlineData("身份证 11010519900307231X", "11010519900307231X", SensitiveText.IdNumberMarker)]
    [InlineData("appsecret=Zx9kQ2mNvB7", "Zx9kQ2mNvB7", SensitiveText.SecretMarker)]
    [InlineData("token: abc123def", "abc123def", SensitiveText.SecretMarker)]
    [InlineData("密码是 Hunter2024", "Hunter2024", SensitiveText.SecretMarker)]
    [InlineData("用这个 " + Jwt, "SflKxwRJ", SensitiveText.SecretMarker)]
    [InlineData("key 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 is it", "9f86d081", SensitiveText.SecretMarker)]
    [InlineData("ding secret dingxk2Q9pLmN3vB7rT5wY8zA1cE4fG6hJ0K", "dingxk2Q9", SensitiveText.SecretMarker)]
    public void PersonalDataAndSecrets_AreReplacedByWhatTheyWere(string text, string secretPart, string marker)
    {
        var redacted = SensitiveText.Redact(text);

        Assert.DoesNotContain(secretPart, redacted);
        Assert.Contains(marker, redacted);
    }

    [Theory]
    [InlineData("完成 T017")]
    [InlineData("T024 延期到 2026-07-15")]
    [InlineData("本周到期的任务有哪些")]
    [InlineData("把 T013 交给张伟，3 月 5 日前")]
    [InlineData("what is due by 20260615")]
    public void OrdinaryMessages_AreKeptAsTyped(string text) => Assert.Equal(text, SensitiveText.Redact(text));
}
