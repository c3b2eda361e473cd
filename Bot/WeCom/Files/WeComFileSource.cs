using CampaignBot.EvidenceFiles;
using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;

namespace CampaignBot.WeCom.Files;

/// <summary>
/// Where a WeCom picture's or file's bytes are: the url the message carried (valid five minutes,
/// encrypted with that message's own aeskey), fetched and decrypted (<see cref="WeComMediaCipher"/>)
/// on its way into the evidence store, so that what is kept, hashed and checked is the photo itself.
/// The key is known only while the url lasts (<see cref="ChannelFileKeys"/>): a file not fetched by
/// then fails its attempts and, at the end, is reported lost like any other (补充佐证 asks for it again).
/// </summary>
public sealed class WeComFileSource(ChannelFileKeys keys) : IChannelFileSource
{
    public string ChannelId => WeComChannel.ChannelId;

    public Task<HttpRequestMessage> RequestAsync(EvidenceFileRow file, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(file.SourceUrl, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || Security.Loopback.Is(url)))
        {
            throw new UnauthorizedAccessException("A WeCom file's address is not an https url");
        }

        // The collector retries what failed over the network; an expired key counts as an attempt too.
        _ = KeyOf(file);
        return Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));
    }

    public Stream Decode(EvidenceFileRow file, Stream fetched) => WeComMediaCipher.Decrypt(fetched, KeyOf(file));

    private byte[] KeyOf(EvidenceFileRow file) =>
        WeComMediaCipher.KeyOf(keys.Find(file.SourceUrl ?? "")
            ?? throw new HttpRequestException("WeCom's link to this file has expired (it lasts five minutes) and its key is gone; send it again with 补充佐证"));
}
