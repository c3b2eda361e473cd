using CampaignBot.Ledger.Repositories;

namespace CampaignBot.EvidenceFiles;

/// <summary>
/// Adds the bot's own credentials for a channel to a download request, for files the channel serves
/// only to the bot (an inline image in Teams). Implemented by the Bot Framework side.
/// </summary>
public interface IChannelFileCredentials
{
    Task AuthorizeAsync(HttpRequestMessage request, EvidenceFileRow file, CancellationToken cancellationToken);
}
