using System.Text.RegularExpressions;
using CampaignBot.Chat;
using CampaignBot.Data.Repositories;
using CampaignBot.DirectLine;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Bots;

/// <summary>
/// Which attachments of a message are evidence (photos, files, links), and what to keep of each.
/// A link to a file kept by this server is accepted only when the sender uploaded that file in this
/// chat (it is then recorded as that file, which is what decides who may download it); any other
/// link must be http or https. An attachment that cannot be read is refused, not a failed turn.
/// </summary>
public sealed partial class EvidenceIntake(DirectLineStore store)
{
    public sealed record Result(IReadOnlyList<EvidenceRepository.NewEvidence> Accepted, IReadOnlyList<RefusedAttachment> Refused);

    public async Task<Result> ReadAsync(IActivity activity, CancellationToken cancellationToken)
    {
        var accepted = new List<EvidenceRepository.NewEvidence>();
        var refused = new List<RefusedAttachment>();
        foreach (var attachment in (activity.AsMessageActivity()?.Attachments ?? []).Where(a => a is not null && IsEvidence(a)))
        {
            var name = string.IsNullOrWhiteSpace(attachment.Name) ? attachment.ContentType : attachment.Name;
            if (UrlOf(attachment) is not { } text)
            {
                refused.Add(new RefusedAttachment(name, AttachmentRefusal.Unreadable));
                continue;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                refused.Add(new RefusedAttachment(name, AttachmentRefusal.NotAWebLink));
                continue;
            }

            string? attachmentId = null;
            if (StoredFilePath().Match(url.AbsolutePath) is { Success: true } stored)
            {
                attachmentId = stored.Groups["id"].Value;
                var file = await store.FindAttachmentAsync(attachmentId, cancellationToken);
                if (file is null || activity.ChannelId != DirectLineChannel.ChannelId
                    || file.UserId != activity.From?.Id || file.ConversationId != activity.Conversation?.Id)
                {
                    refused.Add(new RefusedAttachment(name, AttachmentRefusal.NotYourUpload));
                    continue;
                }
            }

            accepted.Add(new EvidenceRepository.NewEvidence(EvidenceRepository.Kinds.Attachment, attachment.Name, text, attachment.ContentType, null, attachmentId));
        }

        return new Result(accepted, refused);
    }

    // Teams repeats the message's own text as a text/html attachment, and cards are the bot's own;
    // neither is evidence someone attached.
    private static bool IsEvidence(Attachment attachment) =>
        attachment.ContentType is not null
        && !attachment.ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        && !attachment.ContentType.StartsWith("application/vnd.microsoft.card.", StringComparison.OrdinalIgnoreCase);

    /// <summary>The attachment's address; a Teams file's sits in its content as downloadUrl. Null when there is none, or it is not text.</summary>
    private static string? UrlOf(Attachment attachment) =>
        !string.IsNullOrWhiteSpace(attachment.ContentUrl) ? attachment.ContentUrl.Trim()
        : attachment.Content is JObject content && content["downloadUrl"] is JValue { Type: JTokenType.String } download ? ((string?)download)?.Trim()
        : null;

    [GeneratedRegex(@"/v3/directline/attachments/(?<id>[^/]+)/?$")]
    private static partial Regex StoredFilePath();
}
