using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace CampaignBot.Chat.ModelReading;

/// <summary>
/// The OpenAI-compatible chat client for Understanding:Model, or none: when no endpoint is set, or
/// when the endpoint is not allowed (<see cref="ModelEndpointPolicy"/>; logged once at start-up, and
/// the bot runs without the model). No retries (one message waits at most the timeout), no redirects,
/// no message logging (the key travels in a header; the client logs no requests or bodies).
/// </summary>
public sealed class ModelChatClient : IDisposable
{
    public const string HttpClientName = "understanding-model";

    public ModelChatClient(IOptions<ModelOptions> options, IHttpClientFactory http, ILogger<ModelChatClient> logger)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        if (ModelEndpointPolicy.Refusal(settings.Endpoint!, settings.AllowedHosts) is { } refusal)
        {
            logger.LogError("The understanding model is off: {Refusal}", refusal);
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.Name))
        {
            logger.LogError("The understanding model is off: Understanding:Model:Name is empty.");
            return;
        }

        var key = settings.ApiKey;
        if (string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(settings.ApiKeyFile))
        {
            try
            {
                key = File.ReadAllText(settings.ApiKeyFile).Trim();
            }
            catch (IOException e)
            {
                logger.LogError("The understanding model is off: Understanding:Model:ApiKeyFile cannot be read ({Error}).", e.GetType().Name);
                return;
            }
        }

        var openAi = new OpenAIClient(
            // vLLM and Ollama accept any key when they were started without one.
            new ApiKeyCredential(string.IsNullOrWhiteSpace(key) ? "none" : key),
            new OpenAIClientOptions
            {
                Endpoint = new Uri(settings.Endpoint!),
                Transport = new HttpClientPipelineTransport(http.CreateClient(HttpClientName)),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                NetworkTimeout = TimeSpan.FromSeconds(Math.Clamp(settings.TimeoutSeconds, 0.1, 60) + 1),
                ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false, EnableMessageLogging = false, EnableMessageContentLogging = false },
            });
        Client = openAi.GetChatClient(settings.Name).AsIChatClient();
        logger.LogInformation("The understanding model is on: {Model} at {Host}", settings.Name, new Uri(settings.Endpoint!).Authority);
    }

    public IChatClient? Client { get; }

    public void Dispose() => Client?.Dispose();
}
