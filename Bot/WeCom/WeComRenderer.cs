using System.Text;
using CampaignBot.Chat.Replies;

namespace CampaignBot.WeCom;

/// <summary>
/// A reply as WeCom markdown and a template card, built from the model: the header's lines, one
/// entry per item (its title in bold, the office, the deadline and the state, overdue in bold, its
/// lines), the footer; every text from the ledger or a person escaped (<see cref="MarkdownText"/>).
/// The items' buttons and the suggestions become one button_interaction card (at most six buttons,
/// the card's limit; a longer list's other tasks are still named by code in the markdown, so they
/// can be typed). Pictures (the report's chart) are left out: the numbers are in the text.
/// A message the bot sends on its own (a reminder, a notice: <see cref="Proactive"/>) has no card
/// (neither aibot_send_msg's markdown nor the app's message/send posts a tap back), so each entry
/// says what to reply for its buttons instead, and the header's first line is the message's heading.
/// </summary>
public static class WeComRenderer
{
    /// <summary>A button_interaction card holds at most 6 buttons (button_list, the official SDK's card type).</summary>
    public const int MaxButtons = 6;

    /// <summary>A button's key is at most 1,024 bytes; a longer command is left off the card.</summary>
    private const int MaxKeyBytes = 1024;

    /// <summary>WeCom's advice for a card's title (26 characters) and a button's text (10).</summary>
    private const int MaxTitleChars = 26;

    private const int MaxButtonChars = 10;

    public static WeComContent Render(ChatReply reply)
    {
        var head = Lines(reply.Header).Select(MarkdownText.Escape).ToList();
        var foot = Lines(reply.Footer).Select(MarkdownText.Escape).ToList();
        var entries = reply.Items.Select(i => Entry(i, withActions: false)).ToList();
        var buttons = reply.Items.SelectMany(i => i.Buttons).Concat(reply.Suggestions)
            .Where(b => Encoding.UTF8.GetByteCount(b.Value) <= MaxKeyBytes)
            .DistinctBy(b => b.Value).Take(MaxButtons)
            .Select(b => new ReplyAction(ButtonText(b), b.Value)).ToList();
        var card = buttons.Count == 0 ? null
            : new WeComCard("cb_" + Guid.NewGuid().ToString("N"), Cut(Lines(reply.Header).FirstOrDefault() ?? "CampaignBot", MaxTitleChars), null, buttons);
        return new WeComContent(head, entries, foot, card);
    }

    /// <summary>A message the bot sends on its own: the same entries, each with the commands of its buttons, and no card.</summary>
    public static WeComContent Proactive(ChatReply reply)
    {
        var header = Lines(reply.Header).Select(MarkdownText.Escape).ToList();
        var head = header.Take(1).Select(line => "### " + line).Concat(header.Skip(1)).ToList();
        var foot = Lines(reply.Footer).Select(MarkdownText.Escape).ToList();
        if (reply.Suggestions.Count > 0)
        {
            foot.Add(Actions(reply.Suggestions));
        }

        return new WeComContent(head, reply.Items.Select(i => Entry(i, withActions: true)).ToList(), foot, null);
    }

    private static string Entry(ReplyItem item, bool withActions)
    {
        var lines = MarkdownText.ItemLines(item, State).ToList();
        if (withActions && item.Buttons.Count > 0)
        {
            lines.Add(Actions(item.Buttons));
        }

        return string.Join("\n", lines);
    }

    /// <summary>What to send for each button: its command, as the person would type it.</summary>
    private static string Actions(IReadOnlyList<ReplyAction> actions) =>
        "> " + string.Join(" · ", actions.Select(a => MarkdownText.Escape(a.Value)));

    /// <summary>Text the bot sends without a reply model (a greeting, an error): its lines, escaped.</summary>
    public static WeComContent Plain(string text) => new(Lines(text).Select(MarkdownText.Escape).ToList(), [], [], null);

    /// <summary>
    /// A list's buttons all say 完成 or 详情; on a card they stand apart from their entries, so a
    /// button shows its whole command (完成 T013) when that is short enough.
    /// </summary>
    private static string ButtonText(ReplyAction action) => action.Value.Length <= MaxButtonChars ? action.Value : Cut(action.Title, MaxButtonChars);

    /// <summary>Overdue and due today in bold: the AI bot's markdown (doc/101138) documents no colour (the app's does, but one look serves both).</summary>
    private static string State(ReplyState state) => state.Tone is ReplyTone.Attention or ReplyTone.Warning
        ? $"**{MarkdownText.Escape(state.Text)}**"
        : MarkdownText.Escape(state.Text);

    private static IEnumerable<string> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Cut(string text, int chars) => text.Length <= chars ? text : text[..(chars - 1)] + "…";
}
