using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;
using CampaignBot.Ledger.ReadModels;

namespace CampaignBot.Chat.Outgoing;

/// <summary>
/// Writes a stored notice (a kind and ids) from the ledger as it is when sent: the facts are read by
/// id (<see cref="NoticeFacts"/>), the wording is the recipient's language's, and buttons are real buttons.
/// </summary>
public sealed class NoticeComposer(NoticeFacts facts, ChatNames chatNames)
{
    public async Task<ChatReply> ComposeAsync(Notice notice, ReplyTexts texts, CancellationToken cancellationToken)
    {
        switch (notice)
        {
            case Notice.ExtensionRequested requested:
            {
                var request = await facts.ExtensionAsync(requested.RequestId, cancellationToken);
                var task = request.Task with { DueOn = request.OldDueOn };
                return WithButtons(texts.ExtensionNotice(request.Asker, task, request.NewDueOn, request.Reason, requested.RequestId),
                    [new ReplyAction(texts.ApproveButton, texts.ApproveCommand(requested.RequestId)), new ReplyAction(texts.RejectButton, texts.RejectCommand(requested.RequestId))]);
            }

            case Notice.ExtensionDecided decided:
            {
                var request = await facts.ExtensionAsync(decided.RequestId, cancellationToken);
                return new ChatReply(texts.ExtensionDecisionNotice(decided.RequestId, request.State == "approved", request.Task, request.NewDueOn, request.Decider ?? "", request.DecisionNote));
            }

            case Notice.Handover handover:
            {
                var handedOver = await facts.HandoverAsync(handover, cancellationToken);
                return new ChatReply(texts.ReassignNotice(handedOver.Task, handedOver.FromOffice, handedOver.By ?? ""));
            }

            case Notice.HolidayTableEnding ending:
                return new ChatReply(texts.HolidayTableEnding(ending.LastYear));

            case Notice.ChatRemoved removed:
            {
                var (chat, _) = await chatNames.DescribeAsync(new Scheduling.Delivery.ChatTarget(removed.ChannelId, removed.ConversationId), texts, cancellationToken);
                return new ChatReply(texts.ChatRemoved(chat, removed.OfficeId is { } office ? await facts.OfficeNameAsync(office, cancellationToken) : null));
            }

            case Notice.EvidenceLost lost:
            {
                var file = await facts.LostEvidenceAsync(lost.EvidenceFileId, cancellationToken);
                return new ChatReply(texts.EvidenceLostNotice(file.Code, file.Title, file.FileName));
            }

            case Notice.LegacyText legacy:
                return FromLegacyText(legacy.Text);

            default:
                throw new InvalidOperationException($"No wording for the notice {notice.GetType().Name}");
        }
    }

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
