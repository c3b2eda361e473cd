using CampaignBot.Board;
using CampaignBot.Bots;
using CampaignBot.DingTalk;
using CampaignBot.DirectLine;
using CampaignBot.Security;
using CampaignBot.WeCom;

namespace CampaignBot.Hosting;

public static class CampaignBotApplicationExtensions
{
    /// <summary>The bot's HTTP surface over what <see cref="CampaignBotServiceCollectionExtensions.AddCampaignBot"/> registered.</summary>
    public static WebApplication MapCampaignBot(this WebApplication app)
    {
        // /metrics first: a scrape is answered before any other middleware (or refused to fall through to 404).
        app.UseCampaignMetrics();
        app.UseSecurityHeaders();
        app.UseWebSockets();
        app.UseDirectLineRateLimits();
        // The Web Chat page (wwwroot/index.html) and the bundle npm fetched at build time (wwwroot/lib).
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapBotMessages();
        app.MapDirectLine();
        app.MapDingTalk();
        app.MapWeCom();
        app.MapWebChat();
        app.MapBoard();
        app.MapBinder();
        app.MapHealthChecks("/healthz");
        return app;
    }
}
