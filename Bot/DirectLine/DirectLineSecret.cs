using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using CampaignBot.Security;

namespace CampaignBot.DirectLine;

/// <summary>
/// The channel's secret: from configuration, or generated once and kept in a file readable only by
/// the service's user (tokens signed with it stay valid across restarts, and the operator's
/// command-line runs share it). Keys for signing tokens and for the embedded connector are derived
/// from it, one per purpose.
/// </summary>
public sealed class DirectLineSecret
{
    private readonly Lazy<string> secret;

    public DirectLineSecret(IOptions<DirectLineOptions> options, ILogger<DirectLineSecret> logger)
    {
        var settings = options.Value;
        secret = new Lazy<string>(() => string.IsNullOrWhiteSpace(settings.Secret) ? FromFile(settings.SecretFile, logger) : settings.Secret.Trim());
    }

    public string Value => secret.Value;

    /// <summary>A key for one purpose ("tokens", "connector"), so that no key doubles as another.</summary>
    public byte[] KeyFor(string purpose) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(Value), Encoding.UTF8.GetBytes("campaignbot-directline:" + purpose));

    /// <summary>Compares a presented secret in constant time.</summary>
    public bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Value));

    private static string FromFile(string path, ILogger logger)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return File.ReadAllText(full).Trim();
        }

        PrivateFiles.EnsureParentFolder(full);
        var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        // Created exclusively: if another process (the operator's command) wrote it first, use theirs.
        try
        {
            using var stream = new FileStream(full, PrivateFiles.NewFile());

            stream.Write(Encoding.UTF8.GetBytes(generated));
        }
        catch (IOException) when (File.Exists(full))
        {
            return File.ReadAllText(full).Trim();
        }

        logger.LogInformation("Generated a Direct Line secret in {Path}", full);
        return generated;
    }
}
