using CampaignBot.Scheduling.Time;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CampaignBot.Hosting;

internal static class ClockServiceCollectionExtensions
{
    /// <summary>The campaign's options, the system clock (kept when one is already registered; tests replace it), and the campaign's calendar view of it.</summary>
    internal static IServiceCollection AddCampaignClock(this IServiceCollection services)
    {
        services.AddOptions<CampaignOptions>()
            .BindConfiguration(CampaignOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Campaign:TimeZone is not a known time zone id (e.g. Asia/Shanghai).")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new CampaignClock(
            sp.GetRequiredService<TimeProvider>(),
            CampaignClock.FindZone(sp.GetRequiredService<IOptions<CampaignOptions>>().Value.TimeZone)));
        return services;
    }
}
