namespace CampaignBot.Bots;

/// <summary>
/// Files people uploaded to this server through a channel it serves (the embedded Web Chat): who
/// uploaded each, into which chat, which is what decides whether a message may cite it as evidence.
/// </summary>
public interface IUploadedFiles
{
    /// <summary>The file with this id, compared without regard to case (a link may have been re-cased on its way).</summary>
    Task<UploadedFile?> FindAsync(string attachmentId, CancellationToken cancellationToken);
}
