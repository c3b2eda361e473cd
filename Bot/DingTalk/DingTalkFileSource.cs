using CampaignBot.EvidenceFiles;
using CampaignBot.Ledger.Repositories;
using Microsoft.Extensions.Options;

namespace CampaignBot.DingTalk;

/// <summary>
/// Where a DingTalk file's bytes are: its download code, exchanged through the app's file download
/// API for a temporary link, asked again at every attempt (a retry hours later gets a fresh link).
/// </summary>
public sealed class DingTalkFileSource(DingTalkApi api, IOptions<DingTalkOptions> options) : IChannelFileSource
{
    public string ChannelId => DingTalkChannel.ChannelId;

    public async Task<HttpRequestMessage> RequestAsync(EvidenceFileRow file, CancellationToken cancellationToken)
    {
        var code = DingTalkFiles.DownloadCodeOf(file.SourceUrl, options.Value)
            ?? throw new UnauthorizedAccessException("A DingTalk file's address does not carry a download code from this app");
        try
        {
            return new HttpRequestMessage(HttpMethod.Get, await api.DownloadUrlAsync(code, cancellationToken));
        }
        catch (Exception e) when (e is Scheduling.Delivery.TransientSendException or Scheduling.Delivery.TargetGoneException or InvalidOperationException or DingTalkTokenRejectedException)
        {
            // The collector retries what failed over the network; DingTalk's refusals count as attempts too.
            throw new HttpRequestException(e.Message, e);
        }
    }
}
