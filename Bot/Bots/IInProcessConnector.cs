using Microsoft.Bot.Connector.Authentication;

namespace CampaignBot.Bots;

/// <summary>
/// A channel served by this process (the embedded Web Chat's Direct Line). Its turns and proactive
/// messages are told by their identity (<see cref="Security.EmbeddedChannelIdentity"/>), which only
/// the channel's own entry point makes, never by a service url: they get this channel's connector
/// factory. Implemented by the channel, so that the bot's connector clients need not know it.
/// </summary>
public interface IInProcessConnector
{
    /// <summary>Connector clients for the channel's conversations, whatever service url they are asked for.</summary>
    ConnectorFactory Factory { get; }

    /// <summary>Whether the conversation was created by the embedded channel (its store has it): /api/messages may not speak in it.</summary>
    Task<bool> OwnsAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
