using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Bots;

/// <summary>
/// Removes the @mention of the bot from a message's text (Teams: "&lt;at&gt;CampaignBot&lt;/at&gt; 本周到期").
/// The SDK's RemoveRecipientMention throws on a mention entity without "mentioned", which a channel
/// or a hostile client can send; here such an entity is simply not a mention of the bot.
/// </summary>
public static class BotMention
{
    public static string StripFrom(IMessageActivity activity)
    {
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity?.Type, "mention", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var (mentionedId, mentionText) = entity is Mention typed
                ? (typed.Mentioned?.Id, typed.Text)
                : ((entity!.Properties?["mentioned"] as JObject)?["id"]?.ToString(), (entity.Properties?["text"] as JValue)?.ToString());
            if (botId is not null && mentionedId == botId && !string.IsNullOrEmpty(mentionText))
            {
                text = text.Replace(mentionText, " ", StringComparison.Ordinal);
            }
        }

        return text;
    }
}
