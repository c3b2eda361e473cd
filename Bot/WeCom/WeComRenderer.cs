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
        var entries = reply.Items.Select(i => string.Join("\n", MarkdownText.ItemLines(i, State))).ToList();
        var buttons = reply.Items.SelectMany(i => i.Buttons).Concat(reply.Suggestions)
            .Where(b => Encoding.UTF8.GetByteCount(b.Value) <= MaxKeyBytes)
            .DistinctBy(b => b.Value).Take(MaxButtons)
            .Select(b => new ReplyAction(ButtonText(b), b.Value)).ToList();
        var card = buttons.Count == 0 ? null
            : new WeComCard("cb_" + Guid.NewGuid().ToString("N"), Cut(Lines(reply.Header).FirstOrDefault() ?? "CampaignBot", MaxTitleChars), null, buttons);
        return new WeComContent(head, entries, foot, card);
    }

    /// <summary>Text the bot sends without a reply model (a greeting, an error): its lines, escaped.</summary>
    public static WeComContent Plain(string text) => new(Lines(text).Select(MarkdownText.Escape).ToList(), [], [], null);

    /// <summary>
    /// A list's buttons all say 完成 or 详情; on a card they stand apart from their entries, so a
    /// button shows its whole command (完成 T013) when that is short enough.
    /// </summary>
    private static string ButtonText(ReplyAction action) => action.Value.Length <= MaxButtonChars ? action.Value : Cut(action.Title, MaxButtonChars);

    /// <summary>Overdue and due today in bold: the AI bot's markdown (doc/101138) documents no colour.</summary>
    private static string State(ReplyState state) => state.Tone is ReplyTone.Attention or ReplyTone.Warning
        ? $"**{MarkdownText.Escape(state.Text)}**"
        : MarkdownText.Escape(state.Text);

    private static IEnumerable<string> Lines(string? text) => (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Cut(string text, int chars) => text.Length <= chars ? text : text[..(chars - 1)] + "…";
}
