using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;

namespace CampaignBot.Security;

/// <summary>
/// A connector client for a service url the bot must not call: it can be created (the SDK makes one
/// for every turn, even one answered in the response body) but any request it would send fails
/// before leaving the process.
/// </summary>
public static class RefusingConnector
{
    public static IConnectorClient For(string serviceUrl) =>
        new ConnectorClient(new Uri(serviceUrl), MicrosoftAppCredentials.Empty, new HttpClient(new RefuseHandler(serviceUrl)), disposeHttpClient: true);

    private sealed class RefuseHandler(string serviceUrl) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new UnauthorizedAccessException($"The service url {serviceUrl} was named by an unauthenticated caller; the bot does not post there.");
    }
}
