using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CampaignBot.DirectLine;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.Support;

/// <summary>
/// A Direct Line client as a plain HTTP caller sees the protocol: a token from tokens/generate (with
/// the secret, for a given user), then the conversation's activities by watermark.
/// </summary>
public sealed class DirectLineSession(HttpClient http, string conversationId, string token)
{
    public HttpClient Http { get; } = http;

    public string ConversationId { get; } = conversationId;

    public string Token { get; } = token;

    public static string SecretOf(BotApplication app) => app.Services.GetRequiredService<DirectLineSecret>().Value;

    /// <summary>A token for a new conversation of <paramref name="userId"/>, and the conversation started (the bot greets).</summary>
    public static async Task<DirectLineSession> StartAsync(BotApplication app, HttpClient http, string userId)
    {
        using var generate = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate")
        {
            Content = JsonContent.Create(new { user = new { id = userId } }),
        };
        generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SecretOf(app));
        var generated = await ReadAsync(await http.SendAsync(generate));
        var session = new DirectLineSession(http, generated["conversationId"]!.GetValue<string>(), generated["token"]!.GetValue<string>());
        var started = await session.SendAsync(HttpMethod.Post, "/v3/directline/conversations", JsonContent.Create(new { }));
        started.EnsureSuccessStatusCode();
        return session;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token);
        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(object activity, string? token = null, string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities", JsonContent.Create(activity), token);

    public Task<HttpResponseMessage> PostTextAsync(string text) => PostAsync(new { type = "message", text });

    /// <summary>Sends a message with one file, as Web Chat uploads it (multipart: the activity, then the file), as <paramref name="userId"/>.</summary>
    public async Task UploadAsync(string userId, string text, HttpContent file, string fileName)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(System.Text.Json.JsonSerializer.Serialize(new { type = "message", text }), System.Text.Encoding.UTF8, "application/vnd.microsoft.activity"), "activity", "blob" },
            { file, "file", fileName },
        };
        await ReadAsync(await SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{ConversationId}/upload?userId={userId}", form));
    }

    public async Task<(JsonArray Activities, string Watermark)> ActivitiesAsync(string watermark = "")
    {
        var body = await ReadAsync(await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{ConversationId}/activities?watermark={watermark}"));
        return (body["activities"]!.AsArray(), body["watermark"]!.GetValue<string>());
    }

    /// <summary>The texts of the activities the bot sent in this conversation, oldest first.</summary>
    public async Task<IReadOnlyList<string>> BotTextsAsync() =>
        (await ActivitiesAsync()).Activities.Where(a => a!["from"]!["role"]?.GetValue<string>() == "bot")
            .Select(a => a!["text"]?.GetValue<string>() ?? "").ToList();

    public static async Task<JsonObject> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
