using CampaignBot.Chat;
using CampaignBot.EvidenceFiles;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Security;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Bots;

/// <summary>
/// Which attachments of a message are evidence (photos, files, links), and what to keep of each.
/// A link that names a file kept by this server (by the file's id, whatever the url's case or form,
/// see <see cref="StoredFileLink"/>) is accepted only when the sender uploaded that file in this chat
/// (it is then recorded as that file, which is what decides who may download it); any other link
/// must be http or https. An attachment that cannot be read is refused, not a failed turn. A WeCom
/// picture or file (a url WeCom wrote, valid five minutes, and the message's own aeskey in the
/// attachment's content) is kept, its key remembered for the fetch that decrypts it.
/// </summary>
public sealed class EvidenceIntake(IUploadedFiles uploads, ChannelTrust trust, EvidenceFiles.EvidenceLinkPolicy links, EvidenceFiles.ChannelFileKeys keys)
{
    public sealed record Result(IReadOnlyList<EvidenceRepository.NewEvidence> Accepted, IReadOnlyList<RefusedAttachment> Refused);

    /// <param name="identity">Who the turn's channel says it is: the embedded channel, a validated token, or anonymous.</param>
    public async Task<Result> ReadAsync(IActivity activity, System.Security.Claims.ClaimsIdentity? identity, CancellationToken cancellationToken)
    {
        var fetchLinks = trust.MayFetchAttachments(activity.ChannelId, identity);
        var embedded = EmbeddedChannelIdentity.Is(identity);
        var emulator = activity.ChannelId == Microsoft.Bot.Connector.Channels.Emulator;
        var accepted = new List<EvidenceRepository.NewEvidence>();
        var refused = new List<RefusedAttachment>();
        foreach (var attachment in (activity.AsMessageActivity()?.Attachments ?? []).Where(a => a is not null && IsEvidence(a)))
        {
            var name = string.IsNullOrWhiteSpace(attachment.Name) ? EvidenceFiles.SafeFileNames.ForType(attachment.ContentType) : attachment.Name;
            var (text, preauthorised) = UrlOf(attachment);
            if (text is null)
            {
                refused.Add(new RefusedAttachment(name, AttachmentRefusal.Unreadable));
                continue;
            }

            // A link that names a stored file (by its id, in whatever form) or the file endpoint is a
            // claim to that file: only the sender's own upload in this chat of the embedded channel.
            var file = await StoredFileNamedAsync(text, cancellationToken);
            if (file is not null || StoredFileLink.PointsAtStoredFiles(text))
            {
                if (file is null || !embedded || file.UserId != activity.From?.Id || file.ConversationId != activity.Conversation?.Id)
                {
                    refused.Add(new RefusedAttachment(name, AttachmentRefusal.NotYourUpload));
                    continue;
                }
            }

            var attachmentId = file?.Id;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                if (attachmentId is null)
                {
                    refused.Add(new RefusedAttachment(name, AttachmentRefusal.NotAWebLink));
                    continue;
                }

                // The sender's own file, cited by a relative link: recorded by the channel's own path.
                text = "/v3/directline/attachments/" + Uri.EscapeDataString(attachmentId);
                url = null;
            }

            // WeCom's media: the url is WeCom's own (its server wrote the message, not the sender), on
            // whatever host WeCom serves media from; kept, with its key for the decrypting fetch.
            var weComKey = fetchLinks && attachmentId is null && activity.ChannelId == ChannelIds.WeCom ? AesKeyOf(attachment) : null;
            if (weComKey is not null)
            {
                keys.Remember(text, weComKey);
            }

            // Kept in the evidence store: the channel's own uploads, and links written by an authenticated
            // channel (an inline image needs the bot's credentials; a Teams file's downloadUrl is pre-authorised).
            IncomingFile? keep = attachmentId is not null || weComKey is not null || (fetchLinks && links.MayFetch(url!, activity.ServiceUrl, emulator))
                ? new IncomingFile(name, ClaimedType(attachment), activity.From!.Id, attachmentId is null ? text : null, attachmentId,
                    // The Azure bot token is for Bot Framework channels; DingTalk's and WeCom's files come through their own APIs.
                    attachmentId is null && !preauthorised && trust.HasAppId && activity.ChannelId != ChannelIds.DingTalk
                        && activity.ChannelId != ChannelIds.WeCom
                        && EvidenceFiles.EvidenceLinkPolicy.MaySendToken(url!, activity.ServiceUrl),
                    activity.ChannelId, activity.Conversation!.Id, activity.ServiceUrl)
                : null;
            accepted.Add(new EvidenceRepository.NewEvidence(EvidenceRepository.Kinds.Attachment, attachment.Name, text, attachment.ContentType, null, attachmentId, keep));
        }

        return new Result(accepted, refused);
    }

    // Teams repeats the message's own text as a text/html attachment, and cards are the bot's own;
    // neither is evidence someone attached.
    private static bool IsEvidence(Attachment attachment) =>
        attachment.ContentType is not null
        && !attachment.ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        && !attachment.ContentType.StartsWith("application/vnd.microsoft.card.", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The attachment's address, and whether it is pre-authorised (a Teams file's downloadUrl, in its
    /// content); no address when there is none or it is not text.
    /// </summary>
    private static (string? Url, bool Preauthorised) UrlOf(Attachment attachment) =>
        !string.IsNullOrWhiteSpace(attachment.ContentUrl) ? (attachment.ContentUrl.Trim(), false)
        : attachment.Content is JObject content && content["downloadUrl"] is JValue { Type: JTokenType.String } download ? (((string?)download)?.Trim(), true)
        : (null, false);

    /// <summary>
    /// The aeskey of a WeCom attachment: its content is {"aeskey": "…"}, as a JSON object of either
    /// serializer or as JSON text, whichever way the channel's adapter built the activity.
    /// </summary>
    private static string? AesKeyOf(Attachment attachment)
    {
        try
        {
            var json = attachment.Content switch
            {
                JObject o => o.ToString(Newtonsoft.Json.Formatting.None),
                string text => text,
                null => null,
                var other => other.ToString(),
            };
            return json is null ? null
                : System.Text.Json.Nodes.JsonNode.Parse(json)?["aeskey"] is System.Text.Json.Nodes.JsonValue key && key.TryGetValue<string>(out var value) && value.Length > 0 ? value : null;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Not JSON, or JSON that is not an object: no key, so the attachment is an ordinary link.
            return null;
        }
    }

    /// <summary>What the sender says the file is: a Teams file's type is its file type, in its content.</summary>
    private static string? ClaimedType(Attachment attachment) =>
        attachment.Content is JObject content && content["fileType"] is JValue { Type: JTokenType.String } fileType
            ? MimeOfExtension((string?)fileType)
            : attachment.ContentType;

    private static string? MimeOfExtension(string? extension) => extension?.ToLowerInvariant() switch
    {
        "png" => "image/png",
        "jpg" or "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "pdf" => "application/pdf",
        "docx" or "xlsx" or "pptx" => "application/zip",
        "mp4" => "video/mp4",
        _ => null,
    };

    /// <summary>The stored file the link names by its id, if any.</summary>
    private async Task<UploadedFile?> StoredFileNamedAsync(string link, CancellationToken cancellationToken)
    {
        foreach (var id in StoredFileLink.CandidateIds(link))
        {
            if (await uploads.FindAsync(id, cancellationToken) is { } file)
            {
                return file;
            }
        }

        return null;
    }
}
