namespace CampaignBot.Outbox;

/// <summary>
/// A notice queued before notices were stored as kinds and ids (schema 0012): its text as written
/// then. Read only, so that an upgrade loses none of them; nothing new is stored this way.
/// </summary>
public sealed record LegacyTextNotice(string Text) : Notice;
