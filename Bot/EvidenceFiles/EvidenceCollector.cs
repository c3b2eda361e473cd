using CampaignBot.Ledger.Repositories;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CampaignBot.EvidenceFiles;

/// <summary>
/// Brings evidence files into the bot's store: an upload of the embedded channel from its folder, a
/// channel's link over HTTP (with the bot's credentials where the channel needs them), or through a
/// channel's own file API (<see cref="IChannelFileSource"/>: DingTalk's download codes). Tried once
/// when the message arrives, after the task is done (so a failed download never loses the completion);
/// then by the background retry (<see cref="EvidenceRetryService"/>) with growing waits, until
/// <see cref="EvidenceOptions.MaxAttempts"/>, after which the file is reported lost.
/// </summary>
public sealed class EvidenceCollector
{
    public const string HttpClientName = "evidence";

    private const int MaxRedirects = 3;

    /// <summary>How long the first try may hold up the reply; what is not fetched by then is left to the background retry.</summary>
    public static readonly TimeSpan ReplyBudget = TimeSpan.FromSeconds(8);

    /// <summary>What became of one file, for the reply.</summary>
    public sealed record Outcome(string Name, string State, string? Reason);

    private readonly EvidenceFileRepository files;
    private readonly EvidenceFileStore store;
    private readonly IHttpClientFactory clients;
    private readonly IChannelFileCredentials? credentials;
    private readonly EvidenceLinkPolicy links;
    private readonly IReadOnlyList<IChannelFileSource> sources;
    private readonly EvidenceOptions options;
    private readonly string uploadsFolder;
    private readonly TimeProvider time;
    private readonly ILogger<EvidenceCollector> logger;
    private readonly ResiliencePipeline once;
    private readonly ResiliencePipeline withRetries;

    public EvidenceCollector(
        EvidenceFileRepository files, EvidenceFileStore store, IHttpClientFactory clients, EvidenceLinkPolicy links, IOptions<EvidenceOptions> options,
        IUploadsFolder uploads, TimeProvider time, ILogger<EvidenceCollector> logger, IChannelFileCredentials? credentials = null,
        IEnumerable<IChannelFileSource>? sources = null)
    {
        this.links = links;
        this.sources = [.. sources ?? []];
        this.files = files;
        this.store = store;
        this.clients = clients;
        this.credentials = credentials;
        this.options = options.Value;
        uploadsFolder = uploads.Path;
        this.time = time;
        this.logger = logger;
        var timeout = TimeSpan.FromSeconds(this.options.DownloadTimeoutSeconds);
        once = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(timeout).Build();
        withRetries = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>().Handle<TimeoutRejectedException>().Handle<IOException>(),
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(timeout)
            .Build();
    }

    /// <summary>The first try for the files that just arrived with a task's evidence.</summary>
    /// <remarks>
    /// The reply waits at most <see cref="ReplyBudget"/> (a channel expects an answer within seconds);
    /// files not fetched by then stay pending for the background retry, and the reply says so.
    /// </remarks>
    public async Task<IReadOnlyList<Outcome>> CollectNewAsync(long taskId, CancellationToken cancellationToken)
    {
        var outcomes = new List<Outcome>();
        using var budget = new CancellationTokenSource(ReplyBudget, time);
        foreach (var file in await files.UntriedOfTaskAsync(taskId, CancellationToken.None))
        {
            outcomes.Add(budget.IsCancellationRequested
                ? new Outcome(file.OriginalName, EvidenceFileStates.Pending, "not tried before the reply")
                : await TryAsync(file, once, budget.Token));
        }

        return outcomes;
    }

    /// <summary>One pass of the background retry: the pending files whose time has come.</summary>
    public async Task<IReadOnlyList<Outcome>> RetryDueAsync(CancellationToken cancellationToken)
    {
        var outcomes = new List<Outcome>();
        foreach (var file in await files.DueAsync(time.GetUtcNow(), 20, cancellationToken))
        {
            outcomes.Add(await TryAsync(file, withRetries, cancellationToken));
        }

        return outcomes;
    }

    /// <remarks>
    /// Every failure but the process stopping counts as an attempt (a channel down, a token that could
    /// not be had, the reply's time budget spent), so that no file is tried forever or blocks the queue.
    /// Each state change is conditional on the attempt it followed: the first try and a retry never
    /// overwrite each other.
    /// </remarks>
    private async Task<Outcome> TryAsync(EvidenceFileRow file, ResiliencePipeline pipeline, CancellationToken cancellationToken)
    {
        string? problem;
        try
        {
            problem = await pipeline.ExecuteAsync(async token => await FetchAsync(file, token), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            var attempts = file.Attempts + 1;
            DateTimeOffset? next = attempts >= options.MaxAttempts ? null : time.GetUtcNow() + Backoff(attempts);
            var error = e is OperationCanceledException ? "not fetched in time" : e.Message;
            await files.MarkAttemptFailedAsync(file.Id, file.Attempts, error, next, CancellationToken.None);
            logger.LogWarning("Evidence file {Id} ({Name}) not fetched on attempt {Attempt}: {Error}", file.Id, Security.ControlCharacters.OneLine(file.OriginalName), attempts, Security.ControlCharacters.OneLine(error));
            return new Outcome(file.OriginalName, next is null ? EvidenceFileStates.Failed : EvidenceFileStates.Pending, error);
        }

        return problem is null
            ? new Outcome(file.OriginalName, EvidenceFileStates.Stored, null)
            : new Outcome(file.OriginalName, EvidenceFileStates.Refused, problem);
    }

    /// <summary>Fetches and keeps the file; the reason it is refused (too large, not what it claims), or null when kept.</summary>
    private async Task<string?> FetchAsync(EvidenceFileRow file, CancellationToken cancellationToken)
    {
        await using var content = await OpenAsync(file, cancellationToken);
        if (content is null)
        {
            await files.MarkRefusedAsync(file.Id, file.Attempts, RefusalReasons.TooLarge, cancellationToken);
            return RefusalReasons.TooLarge;
        }

        var saved = await store.SaveAsync(content, detected => ContentSniffer.Agrees(file.ClaimedType, detected), cancellationToken);
        if (saved.Refusal is { } refusal)
        {
            await files.MarkRefusedAsync(file.Id, file.Attempts, refusal, cancellationToken);
            return refusal;
        }

        // A file that came without an extension (a DingTalk picture) is named by what its bytes are.
        var named = SafeFileNames.WithExtensionFor(file.OriginalName, saved.DetectedType);
        await files.MarkStoredAsync(file.Id, file.Attempts, saved.Sha256!, saved.SizeBytes, saved.DetectedType!, time.GetUtcNow(), cancellationToken,
            named == file.OriginalName ? null : named);
        return null;
    }

    /// <summary>The file's bytes, or null when its declared length is already over the limit.</summary>
    private async Task<Stream?> OpenAsync(EvidenceFileRow file, CancellationToken cancellationToken)
    {
        if (file.AttachmentId is { } upload)
        {
            return File.OpenRead(Path.Combine(uploadsFolder, Path.GetFileName(upload)));
        }

        // A channel with a file API of its own (DingTalk) gives the first request; others fetch the kept address.
        var source = sources.FirstOrDefault(s => s.ChannelId == file.ChannelId);
        var url = new Uri(file.SourceUrl!);
        for (var hop = 0; ; hop++)
        {
            using var request = hop == 0 && source is not null ? await source.RequestAsync(file, cancellationToken) : new HttpRequestMessage(HttpMethod.Get, url);
            url = request.RequestUri!;
            if (hop == 0 && file.NeedsBotCredentials && credentials is not null)
            {
                await credentials.AuthorizeAsync(request, file, cancellationToken);
            }

            var response = await clients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                response.Dispose();
                // Each hop is checked as the link was, and gets no token: a redirect must not lead the bot elsewhere.
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                if (hop >= MaxRedirects || !links.MayFetch(url, file.ServiceUrl, file.ChannelId == Microsoft.Bot.Connector.Channels.Emulator))
                {
                    throw new HttpRequestException($"redirected to a host the bot does not fetch from ({url.IdnHost})");
                }

                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                throw new HttpRequestException($"HTTP {status}", null, (System.Net.HttpStatusCode)status);
            }

            if (response.Content.Headers.ContentLength > options.MaxFileBytes)
            {
                response.Dispose();
                return null;
            }

            var body = new ResponseStream(response, await response.Content.ReadAsStreamAsync(cancellationToken));
            return source is not null ? source.Decode(file, body) : body;
        }
    }

    /// <summary>Waits that double from the configured base, with up to a quarter more at random, so retries do not march together.</summary>
    private TimeSpan Backoff(int attempts)
    {
        var wait = TimeSpan.FromSeconds(options.RetryBaseDelaySeconds * Math.Pow(2, Math.Min(attempts - 1, 16)));
        return wait + TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * wait.TotalMilliseconds / 4);
    }

    /// <summary>A response body that disposes its response with it.</summary>
    private sealed class ResponseStream(HttpResponseMessage response, Stream inner) : ForwardOnlyStream(inner, response)
    {
        public override int Read(byte[] buffer, int offset, int count) => Inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Inner.ReadAsync(buffer, cancellationToken);
    }
}
