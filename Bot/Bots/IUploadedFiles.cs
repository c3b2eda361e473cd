namespace CampaignBot.Bots;

/// <summary>
/// Files people uploaded to this server through a channel it serves (the embedded Web Chat): who
/// uploaded each, into which chat, which is what decides whether a message may cite it as evidence.
/// </summary>
public interface IUploadedFiles
{
    Task<UploadedFile?> FindAsync(string attachmentId, CancellationToken cancellationToken);
}
