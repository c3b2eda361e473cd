namespace CampaignBot.Outbox;

/// <summary>To the task's office: an evidence file could not be kept and must be sent again.</summary>
public sealed record EvidenceLostNotice(long EvidenceFileId) : Notice;
