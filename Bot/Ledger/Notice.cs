using System.Text.Json;
using System.Text.Json.Serialization;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Ledger;

/// <summary>
/// A notice a change owes to a chat, the closed family of them in one place. Stored in the outbox as
/// a payload (JSON with a "kind" discriminator) of its kind and the ids it is about, never as text:
/// it is written when it is sent (Chat/Outgoing/NoticeComposer), from the ledger as it is then, in
/// the recipient's language, with real buttons where it offers any. A new kind: a record here with
/// its <see cref="JsonDerivedTypeAttribute"/> line, queued in the deciding transaction
/// (<see cref="NoticeOutbox.EnqueueNoticeAsync"/>), worded in the composer.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ExtensionRequested), "extension-requested")]
[JsonDerivedType(typeof(ExtensionDecided), "extension-decided")]
[JsonDerivedType(typeof(Handover), "handover")]
[JsonDerivedType(typeof(ChatRemoved), "chat-removed")]
[JsonDerivedType(typeof(EvidenceLost), "evidence-lost")]
[JsonDerivedType(typeof(HolidayTableEnding), HolidayTableEnding.Kind)]
[JsonDerivedType(typeof(LegacyText), "legacy-text")]
public abstract record Notice : OutboxContent
{
    /// <remarks>"kind" may come anywhere in the object: a row written by hand or by another tool is read the same.</remarks>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { AllowOutOfOrderMetadataProperties = true };

    /// <summary>The payload the outbox stores.</summary>
    public string ToPayload() => JsonSerializer.Serialize(this, Json);

    /// <summary>A stored payload read back; throws <see cref="JsonException"/> or <see cref="NotSupportedException"/> for one this version cannot read.</summary>
    public static Notice FromPayload(string payload) => JsonSerializer.Deserialize<Notice>(payload, Json) ?? throw new JsonException("an empty notice");

    /// <summary>To the coordinators: someone asks for a later deadline (with 同意 / 驳回 buttons).</summary>
    public sealed record ExtensionRequested(long RequestId) : Notice;

    /// <summary>To the chat that asked: a coordinator approved or rejected the extension request.</summary>
    public sealed record ExtensionDecided(long RequestId) : Notice;

    /// <summary>
    /// To both offices' chats: a task was handed over (转办) from one office to another (and owner),
    /// by someone. Where it went is kept as decided, so a later hand-over does not rewrite this one.
    /// </summary>
    public sealed record Handover(long TaskId, long FromOfficeId, long ToOfficeId, long? OwnerId, long ByPersonId) : Notice;

    /// <summary>To the coordinators: a chat removed the bot, and the office it was bound to (if any) is unbound.</summary>
    public sealed record ChatRemoved(string ChannelId, string ConversationId, long? OfficeId) : Notice;

    /// <summary>To the task's office: an evidence file could not be kept and must be sent again.</summary>
    public sealed record EvidenceLost(long EvidenceFileId) : Notice;

    /// <summary>To the coordinators: the holiday table (shipped and loaded) ends with <paramref name="LastYear"/>, and that year is ending or over.</summary>
    public sealed record HolidayTableEnding(int LastYear) : Notice
    {
        /// <summary>Its kind in the payload, which tells whether one went out today.</summary>
        public const string Kind = "holidays-ending";
    }

    /// <summary>
    /// A notice queued before notices were stored as kinds and ids (schema 0012): its text as written
    /// then (the outbox reads its old text column as this kind). Read only, so that an upgrade loses
    /// none of them; nothing new is stored this way.
    /// </summary>
    public sealed record LegacyText(string Text) : Notice;
}
