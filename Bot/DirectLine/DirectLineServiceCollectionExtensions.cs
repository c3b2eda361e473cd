using CampaignBot.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using CampaignBot.Security;

namespace CampaignBot.DirectLine;

internal static class DirectLineServiceCollectionExtensions
{
    /// <summary>
    /// The embedded Direct Line channel and the Web Chat page's sign-in: the channel's secret and
    /// tokens, its store, the connector the bot posts back to, and the cookie that remembers a
    /// development sign-in (its keys kept beside the ledger, so a restart does not sign people out).
    /// </summary>
    internal static IServiceCollection AddDirectLine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectLineOptions>().Bind(configuration.GetSection(DirectLineOptions.Section));
        services.AddSingleton<DirectLineSecret>();
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineStore>();
        services.AddSingleton<Bots.IUploadedFiles>(sp => sp.GetRequiredService<DirectLineStore>());
        services.AddSingleton<EvidenceFiles.IUploadsFolder, AttachmentsFolder>();
        services.AddSingleton<ConversationSignals>();
        services.AddSingleton<ListeningAddressFile>();
        services.AddSingleton<BotActivityWriter>();
        services.AddSingleton<EmbeddedConnector>();
        services.AddSingleton<Bots.IInProcessConnector>(sp => sp.GetRequiredService<EmbeddedConnector>());
        services.AddSingleton<DirectLineChannel>();
        services.AddSingleton<AttachmentAccess>();
        services.AddSingleton<WebUsers>();
        // Issue 25: per-account rates, sizes and the quota of unclaimed uploads; old transcripts, misses and uploads swept.
        DirectLineRateLimits.AddPolicies(services);
        services.AddSingleton<UploadQuota>();
        // The retention settings and the sweep (started, after the ledger's migrations, by the composition root).
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RetentionSweep>();

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddDataProtection()
            .SetApplicationName("CampaignBot")
            .PersistKeysToFileSystem(new DirectoryInfo(PrivateFiles.EnsureFolder(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storage.DatabasePath))!, "keys"))));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "campaignbot-user";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(7);
            cookie.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });
        return services;
    }
}
