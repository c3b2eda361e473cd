using CampaignBot.Data.Repositories;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Bots;

/// <summary>Which attachments of a message are evidence (photos, files), and what to keep of each.</summary>
public static class EvidenceAttachments
{
    public static IReadOnlyList<EvidenceRepository.NewEvidence> From(IList<Attachment>? attachments) =>
        (attachments ?? [])
            .Where(IsEvidence)
            .Select(a => new EvidenceRepository.NewEvidence(EvidenceRepository.Kinds.Attachment, a.Name, UrlOf(a), a.ContentType, null))
            .Where(e => e.Url is not null)
            .ToList();

    // Teams repeats the message's own text as a text/html attachment, and cards are the bot's own;
    // neither is evidence someone attached.
    private static bool IsEvidence(Attachment attachment) =>
        attachment.ContentType is not null
        && !attachment.ContentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
        && !attachment.ContentType.StartsWith("application/vnd.microsoft.card.", StringComparison.OrdinalIgnoreCase);

    // A Teams file arrives as a download-info attachment whose url sits in its content.
    private static string? UrlOf(Attachment attachment) =>
        attachment.ContentUrl
        ?? (attachment.Content as JObject)?["downloadUrl"]?.Value<string>();
}
