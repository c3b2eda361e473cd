using CampaignBot.Ledger.Repositories;

namespace CampaignBot.DirectLine;

/// <summary>
/// Who may see an uploaded file: its uploader; once it is evidence, everyone who may see one of its
/// tasks (the lead office and the offices helping with it, coordinators and leaders).
/// </summary>
public sealed class AttachmentAccess(DirectoryRepository directory, EvidenceRepository evidence, TaskRepository tasks)
{
    public async Task<bool> MaySeeAsync(string viewerAccount, StoredAttachment attachment, CancellationToken cancellationToken)
    {
        if (viewerAccount == attachment.UserId)
        {
            return true;
        }

        var person = await directory.FindPersonByAccountAsync(viewerAccount, cancellationToken);
        if (person is null)
        {
            return false;
        }

        // By the evidence rows that are this file, not by urls that end like it: anyone can write a url.
        var taskIds = await evidence.TasksWithAttachmentAsync(attachment.Id, cancellationToken);
        if (taskIds.Count == 0)
        {
            return false;
        }

        return person.SeesWholeCampaign || (await tasks.ByIdsAsync(taskIds, cancellationToken)).Any(t => t.InvolvesOffice(person.OfficeId));
    }
}
