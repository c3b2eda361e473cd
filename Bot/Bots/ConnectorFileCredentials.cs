using CampaignBot.EvidenceFiles;
using CampaignBot.Ledger.Repositories;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace CampaignBot.Bots;

/// <summary>
/// The bot's credentials for a channel's files (Teams' inline images need the bot's token): the
/// connector client a proactive turn to the file's conversation would use signs the download
/// request, so a retry days later authenticates exactly as a reply would.
/// </summary>
public sealed class ConnectorFileCredentials(CloudAdapter adapter, IConfiguration configuration) : IChannelFileCredentials
{
    public async Task AuthorizeAsync(HttpRequestMessage request, EvidenceFileRow file, CancellationToken cancellationToken)
    {
        if (request.RequestUri is null || !EvidenceLinkPolicy.MaySendToken(request.RequestUri, file.ServiceUrl))
        {
            // The bot's token goes only to the channel's own service.
            return;
        }

        var appId = configuration["MicrosoftAppId"] ?? string.Empty;
        var reference = new ConversationReference
        {
            ChannelId = file.ChannelId,
            ServiceUrl = file.ServiceUrl,
            Conversation = new ConversationAccount(id: file.ConversationId),
            Bot = new ChannelAccount(appId),
        };
        await adapter.ContinueConversationAsync(appId, reference, async (turn, token) =>
        {
            var client = turn.TurnState.Get<IConnectorClient>() ?? turn.TurnState.Values.OfType<IConnectorClient>().First();
            await client.Credentials.ProcessHttpRequestAsync(request, token);
        }, cancellationToken);
    }
}
