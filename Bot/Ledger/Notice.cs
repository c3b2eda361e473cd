using System.Text.Json.Serialization;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Outbox;

/// <summary>
/// A notice a change owes to a chat, stored as its kind and the ids it is about (the outbox's
/// notice column, JSON with a "kind" discriminator), never as text: it is written when it is sent,
/// from the ledger as it is then, in the recipient's language, with real buttons where it offers any.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ExtensionRequestedNotice), "extension-requested")]
[JsonDerivedType(typeof(ExtensionDecidedNotice), "extension-decided")]
[JsonDerivedType(typeof(HandoverNotice), "handover")]
[JsonDerivedType(typeof(ChatRemovedNotice), "chat-removed")]
[JsonDerivedType(typeof(EvidenceLostNotice), "evidence-lost")]
[JsonDerivedType(typeof(HolidayTableEndingNotice), HolidayTableEndingNotice.Kind)]
public abstract record Notice : OutboxContent;
