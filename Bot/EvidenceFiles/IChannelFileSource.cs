using CampaignBot.Ledger.Repositories;

namespace CampaignBot.EvidenceFiles;

/// <summary>
/// A channel whose files are not fetched from the address kept with them, but through the channel's
/// own API (DingTalk: a download code exchanged for a temporary link). Implemented per channel.
/// </summary>
public interface IChannelFileSource
{
    string ChannelId { get; }

    /// <summary>The request that fetches the file's bytes now.</summary>
    Task<HttpRequestMessage> RequestAsync(EvidenceFileRow file, CancellationToken cancellationToken);

    /// <summary>The file's bytes from what the request returned: as they are, or decrypted (WeCom's media).</summary>
    Stream Decode(EvidenceFileRow file, Stream fetched) => fetched;
}
