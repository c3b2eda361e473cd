namespace CampaignBot.Ledger.Repositories;

/// <summary>A file that could not be fetched after every retry, with the task it was evidence of, its owner and who sent the file.</summary>
public sealed record LostEvidenceFile(
    long FileId, string Name, long TaskId, string TaskCode, string TaskTitle, long LeadOfficeId, DateTimeOffset ReceivedAt, long? OwnerId, long? SentById);
