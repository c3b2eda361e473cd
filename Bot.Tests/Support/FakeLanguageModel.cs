using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A local OpenAI-compatible chat endpoint (POST /v1/chat/completions on 127.0.0.1), standing for an
/// office's vLLM or Ollama. It checks each request as such a server would need it (the model's name,
/// a system and a user message, response_format json_schema with a schema), records it, and answers
/// with what the test sets: a reading, hostile text, an HTTP error, or nothing for a while.
/// </summary>
public sealed class FakeLanguageModel : IAsyncDisposable
{
    public const string ModelName = "qwen2.5-7b-instruct-test";

    private WebApplication app = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The OpenAI-compatible base url the bot is configured with.</summary>
    public string Endpoint => BaseUrl + "v1";

    /// <summary>Every request body received, valid or not.</summary>
    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    /// <summary>The Authorization header of each request ("" when none was sent).</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>What was wrong with a request, if anything was (the test asserts this stays empty).</summary>
    public ConcurrentQueue<string> Problems { get; } = new();

    /// <summary>Given the request's user message (the data sent), the answer's content; null answers a refusal.</summary>
    public Func<JsonNode, string?> Content { get; set; } = _ => """{"readings":[]}""";

    /// <summary>An HTTP status to answer with instead of a completion.</summary>
    public int? Status { get; set; }

    /// <summary>How long to wait before answering (a slow model).</summary>
    public TimeSpan Delay { get; set; }

    public static async Task<FakeLanguageModel> StartAsync()
    {
        var model = new FakeLanguageModel();
        (model.app, model.BaseUrl) = await LoopbackServer.StartAsync(app => app.MapPost("/v1/chat/completions", (Delegate)model.CompleteAsync));
        return model;
    }

    private async Task<IResult> CompleteAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        Requests.Enqueue(body!);
        Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
        Check(body!);
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
        }

        if (Status is { } status)
        {
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["message"] = "overloaded", ["type"] = "server_error" } }, statusCode: status);
        }

        var data = JsonNode.Parse(body!["messages"]![1]!["content"]!.GetValue<string>())!;
        var content = Content(data);
        var message = content is null
            ? new JsonObject { ["role"] = "assistant", ["content"] = null, ["refusal"] = "I can't help with that." }
            : new JsonObject { ["role"] = "assistant", ["content"] = content };
        return Results.Json(new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1781485200,
            ["model"] = ModelName,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = "stop" }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 100, ["completion_tokens"] = 20, ["total_tokens"] = 120 },
        });
    }

    private void Check(JsonNode body)
    {
        if (body["model"]?.GetValue<string>() != ModelName)
        {
            Problems.Enqueue($"model: {body["model"]}");
        }

        if (body["messages"] is not JsonArray { Count: 2 } messages || messages[0]!["role"]!.GetValue<string>() != "system" || messages[1]!["role"]!.GetValue<string>() != "user")
        {
            Problems.Enqueue($"messages: {body["messages"]}");
        }

        var format = body["response_format"];
        if (format?["type"]?.GetValue<string>() != "json_schema" || format["json_schema"]?["schema"]?["properties"]?["readings"] is null)
        {
            Problems.Enqueue($"response_format: {format}");
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
