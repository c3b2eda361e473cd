namespace CampaignBot.Chat.Replies;

/// <summary>
/// One listed thing, kept as its parts so that each channel lays them out itself: a title line (for a
/// task its code and title), and for a task its office, deadline and state; then any further lines
/// (a task's details, one field each; a request's dates and reason) and the buttons.
/// </summary>
public sealed record ReplyItem(string Title, IReadOnlyList<ReplyAction> Buttons)
{
    /// <summary>The task's code, when the item is a task: it names the card's parts (due-T017, state-T017).</summary>
    public string? Code { get; init; }

    /// <summary>The lead office with its co-offices, as one phrase.</summary>
    public string? Office { get; init; }

    /// <summary>The deadline with its weekday, and its year when that is not this year's.</summary>
    public string? Due { get; init; }

    public ReplyState? State { get; init; }

    /// <summary>Further lines, in order: shown in full (a detail card's fields, a notice's lines).</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    /// <summary>A task shown with its details (the answer to 详情): cards show it as a detail card.</summary>
    public bool IsDetail => Code is not null && Lines.Count > 0;

    /// <summary>
    /// The item's second line for text-only channels: a task's office, deadline and state joined;
    /// otherwise its lines.
    /// </summary>
    public string Subtitle => Code is not null
        ? string.Join(" · ", new[] { Office, Due, State?.Text }.OfType<string>())
        : string.Join("\n", Lines);
}
