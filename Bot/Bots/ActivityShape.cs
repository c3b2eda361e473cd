using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Bots;

/// <summary>
/// Checks that a request body is an activity the bot can handle before the SDK sees it, so that
/// malformed input gets a 400 with a reason instead of failing deep in a turn.
/// </summary>
public static class ActivityShape
{
    private const int MaxJsonDepth = 32;

    /// <summary>
    /// Reads the body as an activity once, for both the check and the turn: the reason it is not a
    /// usable activity, or null and the activity.
    /// </summary>
    public static string? Read(string body, out Activity? read)
    {
        if (Parse(body, out read) is { } problem)
        {
            return problem;
        }

        var activity = read!;
        read = null;
        if (string.IsNullOrWhiteSpace(activity.ChannelId))
        {
            return "The activity has no channelId.";
        }

        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            return "The activity has no conversation.id.";
        }

        if (activity.Type == ActivityTypes.Message && string.IsNullOrWhiteSpace(activity.From?.Id))
        {
            return "A message activity needs from.id.";
        }

        // The SDK builds a connector client for every turn, even when replies come back in the
        // response body (expectReplies), so a service url is always needed.
        if (string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return "The activity has no serviceUrl.";
        }

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return "The activity's serviceUrl must be an absolute http or https URL.";
        }

        read = activity;
        return null;
    }

    /// <summary>
    /// Reads a JSON object with a type as an activity, nothing more: what a Direct Line client
    /// posts, where the channel fills in the conversation, sender and service url itself.
    /// </summary>
    public static string? Parse(string body, out Activity? read)
    {
        read = null;
        JObject json;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { MaxDepth = MaxJsonDepth, DateParseHandling = DateParseHandling.None };
            if (JToken.ReadFrom(reader) is not JObject root)
            {
                return "The body must be a JSON object (a Bot Framework activity).";
            }

            json = root;
            if (reader.Read())
            {
                return "The body has content after the activity.";
            }
        }
        catch (JsonException e)
        {
            return $"The body is not valid JSON: {e.Message}";
        }

        Activity activity;
        try
        {
            activity = json.ToObject<Activity>(JsonSerializer.Create(new JsonSerializerSettings { MaxDepth = MaxJsonDepth }))!;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidCastException)
        {
            return $"The activity has a field of the wrong type: {e.Message}";
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "The activity has no type.";
        }

        read = activity;
        return null;
    }
}
