using Microsoft.Extensions.Options;

namespace CampaignBot.DirectLine;

/// <summary>The channel's uploads (DirectLine:AttachmentsFolder), as evidence collection reads them.</summary>
public sealed class AttachmentsFolder(IOptions<DirectLineOptions> options) : EvidenceFiles.IUploadsFolder
{
    public string Path => System.IO.Path.GetFullPath(options.Value.AttachmentsFolder);
}
