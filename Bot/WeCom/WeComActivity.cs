using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CampaignBot.WeCom;

/// <summary>
/// A WeCom AI bot message as a Bot Framework activity: channel "wecom", From.Id the WeCom userid,
/// the conversation the group's chatid (a group) or the userid (a 1:1 chat), Recipient.Id the bot id,
/// the words without the leading @mention of the bot, and pictures and files as attachments whose
/// ContentUrl is WeCom's url and whose Content is {"aeskey": "…"} (a JObject): the key that decrypts
/// the downloaded bytes, which the evidence part uses.
/// </summary>
public static partial class WeComActivity
{
    public static Activity From(WeComMessage message, WeComOptions options) => new()
    {
        Type = ActivityTypes.Message,
        Id = message.MsgId,
        ChannelId = WeComChannel.ChannelId,
        // Not a Bot Framework connector: where the channel's API lives, stored with the chat.
        ServiceUrl = options.ApiBaseUrl,
        Timestamp = message.CreateTime is { } at ? DateTimeOffset.FromUnixTimeSeconds(at) : null,
        Conversation = new ConversationAccount(message.IsGroup, message.IsGroup ? "group" : "personal", message.ConversationId),
        From = new ChannelAccount(message.UserId),
        Recipient = new ChannelAccount(message.AiBotId ?? options.BotId),
        Text = message.IsGroup ? WithoutLeadingMention(message.Text) : message.Text.Trim(),
        TextFormat = TextFormatTypes.Plain,
        Attachments = message.Media.Select((m, i) => Attachment(m, i)).ToList(),
    };

    /// <summary>
    /// In a group WeCom delivers only messages that @ the bot, with the @name written into the text
    /// ("@RobotA hello robot", doc/100719); the bot's display name is not in the message, so the
    /// first word, when it is an @mention at the start, is taken as the bot's.
    /// </summary>
    private static string WithoutLeadingMention(string text) => LeadingMention().Replace(text.Trim(), "", 1).Trim();

    [GeneratedRegex(@"^@\S+\s*")]
    private static partial Regex LeadingMention();

    private static Attachment Attachment(WeComMedia media, int index) => new()
    {
        ContentType = media.IsPicture ? "image/*" : "application/octet-stream",
        Name = media.IsPicture ? $"picture-{index + 1}" : $"file-{index + 1}",
        ContentUrl = media.Url,
        Content = media.AesKey is { } key ? new JObject { ["aeskey"] = key } : null,
    };
}
