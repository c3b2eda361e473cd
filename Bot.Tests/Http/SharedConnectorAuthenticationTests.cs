using CampaignBot.Bots;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;

namespace CampaignBot.Tests.Http;

/// <summary>
/// Incoming turns reuse connector clients (the adapter takes the factory from the authentication
/// result, so that is where sharing must happen), and the cache cannot be grown without bound by
/// requests naming ever new service urls.
/// </summary>
public class SharedConnectorAuthenticationTests
{
    private static readonly SharedConnectorAuthentication Authentication =
        new(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()), CampaignBot.Security.ChannelTrust.Allowing("127.0.0.1"));

    private static Activity Incoming(string serviceUrl) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount(id: "c1"),
        From = new ChannelAccount("u1"),
    };

    [Fact]
    public async Task TwoIncomingTurns_FromOneChannel_ShareOneClient()
    {
        var first = await Authentication.AuthenticateRequestAsync(Incoming("http://127.0.0.1:9/a/"), "", CancellationToken.None);
        var second = await Authentication.AuthenticateRequestAsync(Incoming("http://127.0.0.1:9/a/"), "", CancellationToken.None);

        using var one = await first.ConnectorFactory.CreateAsync("http://127.0.0.1:9/a/", first.Audience, CancellationToken.None);
        one.Dispose(); // the adapter disposes its client at the end of a turn: the shared one stays usable
        using var two = await second.ConnectorFactory.CreateAsync("http://127.0.0.1:9/a/", second.Audience, CancellationToken.None);

        Assert.Same(one.Conversations, two.Conversations);
        Assert.Equal(new Uri("http://127.0.0.1:9/a/"), two.BaseUri);
    }

    [Fact]
    public async Task BeyondTheBound_NewServiceUrls_GetTheirOwnClients()
    {
        var authentication = new SharedConnectorAuthentication(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()), CampaignBot.Security.ChannelTrust.Allowing("127.0.0.1"));
        for (var i = 0; i < SharedConnectorAuthentication.MaxSharedClients; i++)
        {
            var result = await authentication.AuthenticateRequestAsync(Incoming($"http://127.0.0.1:9/{i}/"), "", CancellationToken.None);
            using var kept = await result.ConnectorFactory.CreateAsync($"http://127.0.0.1:9/{i}/", result.Audience, CancellationToken.None);
        }

        var late = await authentication.AuthenticateRequestAsync(Incoming("http://127.0.0.1:9/late/"), "", CancellationToken.None);
        using var a = await late.ConnectorFactory.CreateAsync("http://127.0.0.1:9/late/", late.Audience, CancellationToken.None);
        using var b = await late.ConnectorFactory.CreateAsync("http://127.0.0.1:9/late/", late.Audience, CancellationToken.None);
        Assert.NotSame(a.Conversations, b.Conversations);

        // Channels seen before the bound was reached keep their shared client.
        using var early1 = await late.ConnectorFactory.CreateAsync("http://127.0.0.1:9/0/", late.Audience, CancellationToken.None);
        using var early2 = await late.ConnectorFactory.CreateAsync("http://127.0.0.1:9/0/", late.Audience, CancellationToken.None);
        Assert.Same(early1.Conversations, early2.Conversations);
    }
}
