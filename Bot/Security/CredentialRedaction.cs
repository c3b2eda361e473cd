using System.Text.RegularExpressions;

namespace CampaignBot.Security;

/// <summary>
/// Takes credentials out of what people type before it is kept anywhere (the chat transcript, logs):
/// a robot webhook's access_token or key, the signing secret that follows it in 添加机器人 / add robot,
/// and anything shaped like DingTalk's signing secret (SEC followed by hex). The bot itself still
/// receives the message as typed; only what is stored is redacted.
/// </summary>
public static partial class CredentialRedaction
{
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var redacted = UrlAndNextWord().Replace(text, m =>
        {
            var url = RobotSecrets.MaskUrl(m.Groups["url"].Value);
            var credentialInUrl = url != m.Groups["url"].Value;
            var next = m.Groups["next"];
            // The word after a webhook address in the add-robot command is its signing secret.
            return !next.Success ? url : url + m.Groups["space"].Value + (credentialInUrl || IsAddRobot(text) ? RobotSecrets.Mask(next.Value) : next.Value);
        });
        return SigningSecret().Replace(redacted, m => RobotSecrets.Mask(m.Value));
    }

    private static bool IsAddRobot(string text) => AddRobotVerb().IsMatch(text);

    [GeneratedRegex(@"(?<url>https?://\S+)(?:(?<space>\s+)(?<next>\S+))?", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAndNextWord();

    [GeneratedRegex(@"\bSEC[0-9a-fA-F]{16,}\b")]
    private static partial Regex SigningSecret();

    [GeneratedRegex(@"^\s*(添加机器人|新增机器人|add\s+robot)", RegexOptions.IgnoreCase)]
    private static partial Regex AddRobotVerb();
}
