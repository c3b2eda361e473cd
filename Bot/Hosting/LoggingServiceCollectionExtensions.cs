using CampaignBot.DirectLine;
using CampaignBot.Security;
using Microsoft.Extensions.Logging.Console;

namespace CampaignBot.Hosting;

/// <summary>The console log's format and the per-turn scope's chat name (docs/operations.md, Logs).</summary>
internal static class LoggingServiceCollectionExtensions
{
    /// <summary>Logging:Format = json: one JSON object per line, for a log collector.</summary>
    internal const string JsonFormat = "json";

    internal static IServiceCollection AddCampaignLogging(this IServiceCollection services, IConfiguration configuration)
    {
        // Keyed with a key of its own, derived from the Direct Line secret, so it doubles as no other key.
        services.AddSingleton(sp => new ConversationLogHash(() => sp.GetRequiredService<DirectLineSecret>().KeyFor("log-conversation-hash")));
        if (!string.Equals(configuration["Logging:Format"], JsonFormat, StringComparison.OrdinalIgnoreCase))
        {
            return services;
        }

        // Applied after Logging:Console from appsettings, so these win: the turn's scope (Channel,
        // Conversation) on every line it logs, and instants in UTC as the ledger keeps them.
        services.Configure<ConsoleLoggerOptions>(console => console.FormatterName = ConsoleFormatterNames.Json);
        services.Configure<JsonConsoleFormatterOptions>(json =>
        {
            json.IncludeScopes = true;
            json.UseUtcTimestamp = true;
            json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        // ASP.NET Core's request scope carries the raw path, and Direct Line's paths hold conversation
        // ids: with scopes on, it would undo the hashing. Its request lines are off anyway (Microsoft.AspNetCore: Warning).
        services.Configure<LoggerFilterOptions>(filters => filters.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None));
        return services;
    }
}
