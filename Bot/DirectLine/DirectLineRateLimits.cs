using System.Globalization;
using System.Threading.RateLimiting;
using CampaignBot.Ledger.Repositories;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CampaignBot.DirectLine;

/// <summary>
/// Per-account rates for the embedded channel's messages and uploads, on ASP.NET Core's rate
/// limiter. The account is the one the request is authenticated as (the token's user; for the
/// secret, the conversation's user), never what the body says; whether the ledger knows it decides
/// which limits apply (<see cref="LimitsOptions"/>). A refused request is 429 with Retry-After and
/// is refused before it is read: nothing is stored, nothing already stored is touched.
/// </summary>
public static class DirectLineRateLimits
{
    public const string Messages = "directline-messages";
    public const string Uploads = "directline-uploads";

    private static readonly object CallerKey = new();

    /// <summary>Who is calling and whether the ledger knows them; null when the request carries no valid credentials (the endpoint refuses it).</summary>
    private sealed record Caller(string Account, bool Known);

    /// <summary>The limits' settings and the rate limiter's two policies; part of <see cref="DirectLineServiceCollectionExtensions.AddDirectLine"/>.</summary>
    internal static IServiceCollection AddPolicies(IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>().BindConfiguration(LimitsOptions.Section).ValidateDataAnnotations()
            // Data annotations do not reach into the two nested sets.
            .Validate(o => o.Known.IsValid && o.Unknown.IsValid, "Limits:Known and Limits:Unknown: every rate, burst and quota is a whole number of at least 1.")
            .ValidateOnStart();
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(Messages, http => Partition(http, uploads: false));
            options.AddPolicy(Uploads, http => Partition(http, uploads: true));
        });
    }

    /// <summary>
    /// Before the rate limiter: names the caller of a rate-limited endpoint (a token check and one
    /// indexed read), which the limiter's partitioning cannot do itself (it is synchronous).
    /// </summary>
    public static IApplicationBuilder UseDirectLineRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (http, next) =>
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null)
            {
                http.Items[CallerKey] = await IdentifyAsync(http);
            }

            await next(http);
        });
        return app.UseRateLimiter();
    }

    private static async Task<Caller?> IdentifyAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var (caller, _) = await DirectLineCaller.ReadAsync(http, services.GetRequiredService<DirectLineSecret>(), services.GetRequiredService<DirectLineTokens>());
        var account = caller?.Grant?.UserId;
        if (caller is { HasSecret: true } && http.GetRouteValue("conversationId") is string conversationId)
        {
            account = (await services.GetRequiredService<DirectLineStore>().FindAsync(conversationId, http.RequestAborted))?.UserId;
        }

        if (account is null)
        {
            return null;
        }

        var person = await services.GetRequiredService<DirectoryRepository>().FindPersonByAccountAsync(account, http.RequestAborted);
        return new Caller(account, person is not null);
    }

    private static RateLimitPartition<string> Partition(HttpContext http, bool uploads)
    {
        if (http.Items[CallerKey] is not Caller caller)
        {
            // No valid credentials: the endpoint answers 401/403 without storing anything.
            return RateLimitPartition.GetNoLimiter("anonymous");
        }

        var limits = http.RequestServices.GetRequiredService<IOptions<LimitsOptions>>().Value.For(caller.Known);
        var (perPeriod, period, burst) = uploads
            ? (limits.UploadsPerHour, TimeSpan.FromHours(1), limits.UploadBurst)
            : (limits.MessagesPerMinute, TimeSpan.FromMinutes(1), limits.MessageBurst);
        return RateLimitPartition.GetTokenBucketLimiter($"{(caller.Known ? "known" : "unknown")}|{caller.Account}", _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            // One token at a time, evenly: 30 a minute is one every two seconds, not 30 at each minute's turn.
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period / perPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var what = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Uploads ? "uploads" : "messages";
        await DirectLineErrors.Of(StatusCodes.Status429TooManyRequests, "TooManyRequests",
            $"Too many {what} from this account; try again in {seconds} s. Nothing was stored.").ExecuteAsync(context.HttpContext);
    }
}
