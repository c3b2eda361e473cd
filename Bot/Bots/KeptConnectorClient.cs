using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace CampaignBot.Bots;

/// <summary>A shared connector client as one turn sees it: the adapter disposes it when the turn ends; that must not close the shared one.</summary>
public sealed class KeptConnectorClient(IConnectorClient client) : IConnectorClient
{
    public Uri BaseUri { get => client.BaseUri; set => client.BaseUri = value; }

    public JsonSerializerSettings SerializationSettings => client.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => client.DeserializationSettings;

    public ServiceClientCredentials Credentials => client.Credentials;

    public IAttachments Attachments => client.Attachments;

    public IConversations Conversations => client.Conversations;

    public void Dispose()
    {
    }
}
