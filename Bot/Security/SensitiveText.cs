using System.Text.RegularExpressions;

namespace CampaignBot.Security;

/// <summary>
/// Takes personal data and secrets out of text that is kept for reading later (the miss log): mobile
/// and landline numbers, 身份证 numbers (18 characters, the last a digit or X), JWTs, "secret=…",
/// "token=…", "password: …" and the like, and long runs of hex or base64 that look like keys. Each
/// becomes a marker saying what was there ([电话], [身份证号], [密钥]), so that the same sentence with
/// different numbers still counts as one miss. Over-eager on purpose: a miss log loses nothing it
/// needs when a long code is hidden.
/// </summary>
public static partial class SensitiveText
{
    public const string PhoneMarker = "[电话]";
    public const string IdNumberMarker = "[身份证号]";
    public const string SecretMarker = "[密钥]";

    public static string Redact(string text)
    {
        var redacted = CredentialRedaction.Redact(text) ?? text;
        redacted = NamedSecret().Replace(redacted, m => m.Groups["name"].Value + m.Groups["sep"].Value + SecretMarker);
        redacted = Jwt().Replace(redacted, SecretMarker);
        redacted = IdNumber().Replace(redacted, IdNumberMarker);
        redacted = Phone().Replace(redacted, PhoneMarker);
        return LongToken().Replace(redacted, m => m.Value.Any(char.IsDigit) && m.Value.Any(char.IsLetter) ? SecretMarker : m.Value);
    }

    [GeneratedRegex(@"(?<name>\b(?:app_?secret|client_?secret|secret|access_?token|token|password|passwd|pwd|api_?key|apikey|key|sign)|密码|密钥|口令|令牌)(?<sep>\s*[=:：]\s*|\s+is\s+|\s*是\s*)[^\s,，;；&]+", RegexOptions.IgnoreCase)]
    private static partial Regex NamedSecret();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    /// <remarks>18 characters, 17 digits and a check digit or X, standing alone (any such run: a mistyped date part is still a person's number).</remarks>
    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    /// <remarks>Mobile numbers (1[3-9] and nine digits, with an optional +86 and spaces or hyphens 3-4-4) and landlines (0, an area code, 7 or 8 digits).</remarks>
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}|\(?0\d{2,3}\)?[\s-]?\d{7,8})(?![0-9A-Za-z])")]
    private static partial Regex Phone();

    /// <remarks>32 or more characters of hex or base64 (url-safe too) in one run: a key or a token, not a word.</remarks>
    [GeneratedRegex(@"(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{32,}={0,2}")]
    private static partial Regex LongToken();
}
