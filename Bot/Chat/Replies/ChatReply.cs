namespace CampaignBot.Chat.Replies;

/// <summary>
/// What the bot answers, before it is shaped for a channel: a header, listed items (kept as their
/// parts, <see cref="ReplyItem"/>), a footer. Each channel renders it itself (<see cref="IReplyRenderer"/>:
/// Adaptive Cards, DingTalk's markdown, a robot's markdown), and <see cref="ReplyRenderer"/> as plain
/// text elsewhere, with the same content.
/// </summary>
public sealed record ChatReply(string Header)
{
    public IReadOnlyList<ReplyItem> Items { get; init; } = [];

    public string? Footer { get; init; }

    /// <summary>A picture after the text (the report's chart), for chats; a robot's markdown and DingTalk's cannot carry one.</summary>
    public ReplyPicture? Picture { get; init; }

    /// <summary>Suggested next messages, shown as quick-reply buttons.</summary>
    public IReadOnlyList<ReplyAction> Suggestions { get; init; } = [];

    /// <summary>Several answers as one (T014 和 T024 都弄完了): each one's lines, items and buttons, in order.</summary>
    public static ChatReply Combine(IReadOnlyList<ChatReply> replies) => replies.Count == 1 ? replies[0] : new(string.Join("\n", replies.Select(r => r.Header)))
    {
        Items = replies.SelectMany(r => r.Items).ToList(),
        Footer = replies.Select(r => r.Footer).OfType<string>().ToList() is { Count: > 0 } footers ? string.Join("\n", footers) : null,
        Suggestions = replies.SelectMany(r => r.Suggestions).DistinctBy(s => s.Value).ToList(),
    };
}
