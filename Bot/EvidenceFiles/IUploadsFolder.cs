namespace CampaignBot.EvidenceFiles;

/// <summary>
/// Where a channel served by this process (the embedded Web Chat) keeps the files people upload;
/// an upload cited as evidence is copied from there. Implemented by that channel.
/// </summary>
public interface IUploadsFolder
{
    /// <summary>The folder's full path.</summary>
    string Path { get; }
}
