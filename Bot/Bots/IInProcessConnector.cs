using Microsoft.Bot.Connector;

namespace CampaignBot.Bots;

/// <summary>
/// A channel served by this process (the embedded Web Chat's Direct Line): the bot posts to it with
/// the channel's own key, not an Azure AD token. Implemented by the channel, so that the bot's
/// connector clients need not know it.
/// </summary>
public interface IInProcessConnector
{
    /// <summary>Whether a conversation's service url belongs to this channel.</summary>
    bool Serves(string serviceUrl);

    IConnectorClient ClientFor(string serviceUrl);
}
