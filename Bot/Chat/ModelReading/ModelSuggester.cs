using System.Diagnostics;
using System.Text.Json;
using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;
using CampaignBot.Ledger.Repositories;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// Asks the office's language model what a message the rules did not understand most likely meant,
/// within Understanding:Model:TimeoutSeconds, behind a circuit breaker; checks the answer
/// (<see cref="ModelReadingCheck"/>). Never changes anything: the router offers what passed as buttons.
/// Every failure is a <see cref="ModelSuggestionStatus.Failed"/> suggestion, never an exception.
/// </summary>
public sealed class ModelSuggester
{
    private readonly IChatClient? client;
    private readonly ModelOptions options;
    private readonly ModelMetrics metrics;
    private readonly TaskRepository tasks;
    private readonly TaskTitleMatches titles;
    private readonly ILogger<ModelSuggester> logger;
    private readonly ResiliencePipeline pipeline;

    public ModelSuggester(ModelChatClient chat, IOptions<ModelOptions> options, ModelMetrics metrics, TaskRepository tasks, TaskTitleMatches titles, ILogger<ModelSuggester> logger)
    {
        client = chat.Client;
        this.options = options.Value;
        this.metrics = metrics;
        this.tasks = tasks;
        this.titles = titles;
        this.logger = logger;
        // Wall-clock time on purpose: a network deadline is real seconds, not the campaign's (injected) clock.
        pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = 0.5,
                MinimumThroughput = Math.Max(2, this.options.FailuresBeforeBreak),
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, this.options.BreakSeconds)),
                BreakDuration = TimeSpan.FromSeconds(Math.Max(1, this.options.BreakSeconds)),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException || e is TimeoutRejectedException),
            })
            .AddTimeout(Timeout)
            .Build();
    }

    public bool Enabled => client is not null;

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Clamp(options.TimeoutSeconds, 0.1, 60));

    public async Task<ModelSuggestion> SuggestAsync(string message, ModelCheckContext context, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        if (client is null || string.IsNullOrWhiteSpace(message))
        {
            return ModelSuggestion.Off;
        }

        var candidates = ModelCandidates.Find(message, context.Names);
        var watch = Stopwatch.StartNew();
        string? json;
        try
        {
            json = await pipeline.ExecuteAsync(
                async token =>
                {
                    if (candidates.Codes.Count == 0)
                    {
                        // Inside the timeout: the person never waits longer than it, whatever the ledger's size.
                        candidates = candidates with { Tasks = await titles.NearAsync(message, token) };
                    }

                    var response = await client.GetResponseAsync(
                        ModelPrompt.Messages(message, context.Today, zone, candidates),
                        new ChatOptions
                        {
                            ModelId = options.Name,
                            Temperature = 0,
                            MaxOutputTokens = 400,
                            ResponseFormat = ChatResponseFormat.ForJsonSchema(ModelAnswerSchema.Schema, ModelAnswerSchema.Name, "Readings of one chat message"),
                        },
                        token);
                    return response.FinishReason == ChatFinishReason.ContentFilter ? null : response.Text;
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            metrics.TimedOut();
            return Done(ModelSuggestion.Failed("timeout"), watch);
        }
        catch (BrokenCircuitException)
        {
            // Not counted as a call: the endpoint was left alone.
            return ModelSuggestion.Failed("circuit open");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message and the key are not logged: only what kind of failure it was.
            logger.LogWarning("The understanding model failed: {Error}", e.GetType().Name + (e is System.ClientModel.ClientResultException http ? $" HTTP {http.Status}" : ""));
            return Done(ModelSuggestion.Failed(e is System.ClientModel.ClientResultException failed ? $"http {failed.Status}" : "error " + e.GetType().Name), watch);
        }

        if (string.IsNullOrWhiteSpace(json))
        {
            return Done(ModelSuggestion.Failed("refusal or empty answer"), watch);
        }

        ModelAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize<ModelAnswer>(json, new JsonSerializerOptions { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow });
        }
        catch (JsonException)
        {
            return Done(ModelSuggestion.Failed("malformed JSON"), watch);
        }

        var known = new Dictionary<string, LedgerTask>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in candidates.AllCodes)
        {
            if (await tasks.FindByCodeAsync(code, cancellationToken) is { } task)
            {
                known[code] = task;
            }
        }

        var verdict = ModelReadingCheck.Check(answer, candidates, context with { Task = code => known.GetValueOrDefault(code) });
        if (verdict.Refused == ModelReadingCheck.NoReading)
        {
            // The model did not know either: a plain miss, not a suggestion refused.
            return Done(ModelSuggestion.Failed(ModelReadingCheck.NoReading), watch);
        }

        if (verdict.Refused is { } why)
        {
            return Done(new ModelSuggestion(ModelSuggestionStatus.Refused, [], answer?.Readings?.FirstOrDefault()?.Intent, why), watch);
        }

        var first = verdict.Commands[0];
        var status = verdict.Commands is [var only] && !ChangeCommands.IsChange(only) ? ModelSuggestionStatus.Answered : ModelSuggestionStatus.Offered;
        return Done(new ModelSuggestion(status, verdict.Commands, IntentOf(first), null), watch);
    }

    private ModelSuggestion Done(ModelSuggestion suggestion, Stopwatch watch)
    {
        metrics.Called(suggestion.Status.ToString().ToLowerInvariant(), watch.Elapsed);
        return suggestion;
    }

    /// <summary>The intent a command stands for, as the report groups taps.</summary>
    public static string IntentOf(ChatCommand command) => command switch
    {
        DoneCommand => ModelIntents.Done,
        ExtendCommand => ModelIntents.Extend,
        ReassignCommand => ModelIntents.Handover,
        DetailCommand => ModelIntents.Detail,
        DueCommand => ModelIntents.Due,
        OverdueCommand => ModelIntents.Overdue,
        OfficeTasksCommand => ModelIntents.OfficeTasks,
        MineCommand => ModelIntents.Mine,
        ProgressCommand => ModelIntents.Progress,
        _ => ModelIntents.None,
    };
}
