using CampaignBot.Chat.Replies;
using CampaignBot.Data;
using CampaignBot.Ledger.Repositories;
using CampaignBot.Outbox;
using Dapper;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// Writes a stored notice (a kind and ids) from the ledger as it is when sent: the facts are read by
/// id, the wording is the recipient's language's, and buttons are real buttons.
/// </summary>
public sealed class NoticeComposer(LedgerDatabase database, ChatNames chatNames)
{
    private sealed record ExtensionFacts(long TaskId, string Asker, DateOnly OldDueOn, DateOnly NewDueOn, string? Reason, string State, string? Decider, string? DecisionNote);

    public async Task<ChatReply> ComposeAsync(Notice notice, ReplyTexts texts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        switch (notice)
        {
            case ExtensionRequestedNotice requested:
            {
                var facts = await ExtensionAsync(connection, requested.RequestId);
                var task = await TaskAsync(connection, facts.TaskId) with { DueOn = facts.OldDueOn };
                return WithButtons(texts.ExtensionNotice(facts.Asker, task, facts.NewDueOn, facts.Reason, requested.RequestId),
                    [new ReplyAction(texts.ApproveButton, texts.ApproveCommand(requested.RequestId)), new ReplyAction(texts.RejectButton, texts.RejectCommand(requested.RequestId))]);
            }

            case ExtensionDecidedNotice decided:
            {
                var facts = await ExtensionAsync(connection, decided.RequestId);
                var task = await TaskAsync(connection, facts.TaskId);
                return new ChatReply(texts.ExtensionDecisionNotice(decided.RequestId, facts.State == "approved", task, facts.NewDueOn, facts.Decider ?? "", facts.DecisionNote));
            }

            case HandoverNotice handover:
            {
                // Where the task went and to whom as decided then, even if it has moved on again since.
                var task = await TaskAsync(connection, handover.TaskId) with
                {
                    LeadOfficeId = handover.ToOfficeId,
                    LeadOfficeName = await OfficeNameAsync(connection, handover.ToOfficeId) ?? "",
                    OwnerId = handover.OwnerId,
                    OwnerName = handover.OwnerId is { } owner ? await PersonNameAsync(connection, owner) : null,
                };
                return new ChatReply(texts.ReassignNotice(task, await OfficeNameAsync(connection, handover.FromOfficeId) ?? "", await PersonNameAsync(connection, handover.ByPersonId) ?? ""));
            }

            case HolidayTableEndingNotice ending:
                return new ChatReply(texts.HolidayTableEnding(ending.LastYear));

            case ChatRemovedNotice removed:
            {
                var (chat, _) = await chatNames.DescribeAsync(new Scheduling.Delivery.ChatTarget(removed.ChannelId, removed.ConversationId), texts, cancellationToken);
                return new ChatReply(texts.ChatRemoved(chat, removed.OfficeId is { } office ? await OfficeNameAsync(connection, office) : null));
            }

            case EvidenceLostNotice lost:
            {
                var file = await connection.QuerySingleOrDefaultAsync<(string Code, string Title, string Name)?>(
                    """
                    SELECT t.code, t.title, f.original_name FROM evidence_file f JOIN evidence e ON e.file_id = f.id JOIN task t ON t.id = e.task_id
                    WHERE f.id = @Id ORDER BY e.id LIMIT 1
                    """, new { Id = lost.EvidenceFileId }) ?? throw Gone("evidence file", lost.EvidenceFileId);
                return new ChatReply(texts.EvidenceLostNotice(file.Code, file.Title, file.Name));
            }

            case LegacyTextNotice legacy:
                return FromLegacyText(legacy.Text);

            default:
                throw new InvalidOperationException($"No wording for the notice {notice.GetType().Name}");
        }
    }

    /// <summary>What a notice is about was deleted since (an open recurring task replaced by a new plan): the message fails saying so.</summary>
    private static InvalidOperationException Gone(string what, long id) => new($"The {what} #{id} this notice is about no longer exists; not sent.");

    private static async Task<Ledger.LedgerTask> TaskAsync(Microsoft.Data.Sqlite.SqliteConnection connection, long taskId) =>
        await TaskRepository.ByIdAsync(connection, null, taskId) ?? throw Gone("task", taskId);

    private static async Task<ExtensionFacts> ExtensionAsync(Microsoft.Data.Sqlite.SqliteConnection connection, long requestId) =>
        await connection.QuerySingleOrDefaultAsync<ExtensionFacts>(
            """
            SELECT r.task_id, p.name AS asker, r.old_due_on, r.new_due_on, r.reason, r.state, d.name AS decider, r.decision_note
            FROM extension_request r JOIN person p ON p.id = r.requested_by LEFT JOIN person d ON d.id = r.decided_by
            WHERE r.id = @Id
            """, new { Id = requestId }) ?? throw Gone("extension request", requestId);

    private static Task<string?> OfficeNameAsync(Microsoft.Data.Sqlite.SqliteConnection connection, long officeId) =>
        connection.ExecuteScalarAsync<string?>("SELECT name FROM office WHERE id = @Id", new { Id = officeId });

    /// <summary>Null when the person was removed since.</summary>
    private static Task<string?> PersonNameAsync(Microsoft.Data.Sqlite.SqliteConnection connection, long personId) =>
        connection.ExecuteScalarAsync<string?>("SELECT name FROM person WHERE id = @Id", new { Id = personId });

    /// <summary>
    /// A notice that offers buttons: its first line is the header and the rest one card (title, then
    /// detail) carrying the buttons, so channels that show cards show them as buttons.
    /// </summary>
    private static ChatReply WithButtons(string text, IReadOnlyList<ReplyAction> buttons)
    {
        var lines = text.Split('\n');
        return new ChatReply(lines[0]) { Items = [new ReplyItem(lines.Length > 1 ? lines[1] : lines[0], buttons) { Lines = lines.Skip(2).ToList() }] };
    }

    /// <summary>A notice queued as text before 0012: buttons were written on its last line as [[label|command]].</summary>
    private static ChatReply FromLegacyText(string body)
    {
        var lines = body.Split('\n').ToList();
        if (lines.Count < 2 || !lines[^1].StartsWith("[[", StringComparison.Ordinal))
        {
            return new ChatReply(body);
        }

        var buttons = lines[^1].Split("]]", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(token => token.TrimStart('[').Split('|', 2))
            .Select(parts => new ReplyAction(parts[0], parts.Length > 1 ? parts[1] : parts[0]))
            .ToList();
        return WithButtons(string.Join("\n", lines.SkipLast(1)), buttons);
    }
}
