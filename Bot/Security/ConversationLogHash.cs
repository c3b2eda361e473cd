using System.Security.Cryptography;
using System.Text;

namespace CampaignBot.Security;

/// <summary>
/// How a chat is named in the log: the first 12 hex digits of HMAC-SHA256(key, "channel/conversation
/// id"). The same chat gets the same name in every line (and across restarts while the key stays),
/// so one chat's lines can be found together; keyed, so that a 1:1 chat whose id is a person's
/// account (WeCom uses the userid) cannot be recovered from the log by hashing guessed names. The
/// key is derived from the Direct Line secret (data/directline-secret), which stays on the server.
/// </summary>
/// <param name="key">Read at the first turn, not when the container builds (the secret file may be created then).</param>
public sealed class ConversationLogHash(Func<byte[]> key)
{
    private readonly Lazy<byte[]> keyBytes = new(key);

    /// <summary>48 bits: no two of a deployment's chats share a name in practice (birthday bound ~16 million).</summary>
    private const int HexDigits = 12;

    public string Of(string? channelId, string? conversationId)
    {
        var mac = HMACSHA256.HashData(keyBytes.Value, Encoding.UTF8.GetBytes($"{channelId}/{conversationId}"));
        return Convert.ToHexStringLower(mac)[..HexDigits];
    }
}
