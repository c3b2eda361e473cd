namespace CampaignBot.Chat.Replies;

/// <summary>A button: what it says, and the message it sends back when pressed (imBack).</summary>
public sealed record ReplyAction(string Title, string Value);

/// <summary>One listed thing (usually a task): a title line, a detail line, optional body, buttons.</summary>
public sealed record ReplyItem(string Title, string Subtitle, IReadOnlyList<ReplyAction> Buttons, string? Body = null);

/// <summary>
/// What the bot answers, before it is shaped for a channel: a header, listed items, a footer.
/// <see cref="ReplyRenderer"/> turns it into hero cards where the channel shows them and into
/// plain text elsewhere, with the same content.
/// </summary>
public sealed record ChatReply(string Header)
{
    public IReadOnlyList<ReplyItem> Items { get; init; } = [];

    public string? Footer { get; init; }

    /// <summary>Suggested next messages, shown as quick-reply buttons.</summary>
    public IReadOnlyList<ReplyAction> Suggestions { get; init; } = [];
}
