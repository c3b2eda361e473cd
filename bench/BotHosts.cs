using CampaignBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace CampaignBot.Bench;

/// <summary>
/// The two bots the query benchmark compares, each on Kestrel on 127.0.0.1 (real HTTP): CampaignBot
/// composed exactly as Program composes it, and an echo bot on the same SDK and ASP.NET Core host,
/// whose cost is the SDK's own per-message cost.
/// </summary>
public static class BotHosts
{
    public static async Task<(WebApplication App, string BaseUrl)> StartCampaignBotAsync(string databasePath, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            ["Campaign:SeedSampleCampaign"] = "false",
            ["Reminders:Enabled"] = "false",
            // The embedded Direct Line channel keeps its secret and files beside the ledger, not in the checkout's data/.
            ["DirectLine:SecretFile"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "directline-secret"),
            ["DirectLine:AttachmentsFolder"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "attachments"),
            // The load generator posts without a Bot Framework token, as the Emulator does, from this machine.
            ["MessagesEndpoint:AllowUnauthenticated"] = "true",
            ["MessagesEndpoint:UnauthenticatedServiceUrlHosts:0"] = "127.0.0.1",
            // The bench measures the channel at saturation, not one person's rate (issue 25's limits,
            // 30 a minute for a known account): 50 conversations asking back to back would be 429s.
            ["Limits:Known:MessagesPerMinute"] = "1000000",
            ["Limits:Known:MessageBurst"] = "1000000",
            ["Limits:Unknown:MessagesPerMinute"] = "1000000",
            ["Limits:Unknown:MessageBurst"] = "1000000",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddCampaignBot(builder.Configuration);
        var app = builder.Build();
        app.MapCampaignBot();
        return (app, await StartAsync(app));
    }

    /// <param name="sharedClients">
    /// Whether the echo bot keeps its connector clients as CampaignBot does
    /// (<see cref="CampaignBot.Bots.SharedConnectorAuthentication"/>); the SDK as shipped builds one per turn.
    /// </param>
    public static async Task<(WebApplication App, string BaseUrl)> StartEchoBotAsync(bool sharedClients = false)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            var configured = new ConfigurationBotFrameworkAuthentication(sp.GetRequiredService<IConfiguration>());
            return sharedClients ? new CampaignBot.Bots.SharedConnectorAuthentication(configured, CampaignBot.Security.ChannelTrust.Allowing("127.0.0.1")) : configured;
        });
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter>(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>()));
        builder.Services.AddTransient<IBot, EchoBot>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) => adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
        return (app, await StartAsync(app));
    }

    private static async Task<string> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<Microsoft.Bot.Schema.IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text("Echo: " + turnContext.Activity.Text), cancellationToken);
    }
}
