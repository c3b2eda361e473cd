namespace CampaignBot.Chat.Replies;

/// <summary>
/// What the bot answers, before it is shaped for a channel: a header, listed items, a footer.
/// <see cref="ReplyRenderer"/> turns it into hero cards where the channel shows them and into
/// plain text elsewhere, with the same content.
/// </summary>
public sealed record ChatReply(string Header)
{
    public IReadOnlyList<ReplyItem> Items { get; init; } = [];

    public string? Footer { get; init; }

    /// <summary>A picture after the text (the report's chart), for chats; a robot's markdown and DingTalk's cannot carry one.</summary>
    public ReplyPicture? Picture { get; init; }

    /// <summary>Suggested next messages, shown as quick-reply buttons.</summary>
    public IReadOnlyList<ReplyAction> Suggestions { get; init; } = [];
}
