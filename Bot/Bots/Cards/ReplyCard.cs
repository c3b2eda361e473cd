using CampaignBot.Chat.Replies;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Bots.Cards;

/// <summary>
/// A reply's items as ONE Adaptive Card (schema 1.5): a compact block per task, separated by rules,
/// so that five tasks fit a phone screen: the title, the office, then the deadline and the state on
/// one line (which wraps rather than cuts on a narrow screen), then the task's buttons side by side.
/// A detail (the answer to 详情) adds its fields, one line each. The deadline and state carry ids
/// (due-T017, state-T017) so a browser test can find them.
/// </summary>
public static class ReplyCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static JObject Of(IReadOnlyList<ReplyItem> items) => new()
    {
        ["type"] = "AdaptiveCard",
        ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
        ["version"] = "1.5",
        ["body"] = new JArray(items.Select((item, i) => Block(item, first: i == 0))),
    };

    private static JObject Block(ReplyItem item, bool first)
    {
        var parts = new JArray { CardElements.PlainText(item.Title, bold: true, size: item.IsDetail ? "medium" : null) };
        if (item.Office is { } office)
        {
            parts.Add(CardElements.PlainText(office, subtle: true, spacing: "none"));
        }

        if (item.Due is not null || item.State is not null)
        {
            parts.Add(DueAndState(item));
        }

        foreach (var line in item.Lines)
        {
            parts.Add(CardElements.PlainText(line, spacing: "small"));
        }

        if (item.Buttons.Count > 0)
        {
            parts.Add(new JObject
            {
                ["type"] = "ActionSet",
                ["spacing"] = "small",
                ["actions"] = new JArray(item.Buttons.Select(b => CardElements.Submit(b.Title, b.Value))),
            });
        }

        var block = new JObject { ["type"] = "Container", ["items"] = parts };
        if (item.Code is { } code)
        {
            block["id"] = CardElements.Id("task", code);
        }

        if (!first)
        {
            block["separator"] = true;
            block["spacing"] = "medium";
        }

        return block;
    }

    /// <summary>
    /// The deadline at its natural width, the state beside it taking what is left (and wrapping
    /// within it): neither is ever cut off.
    /// </summary>
    private static JObject DueAndState(ReplyItem item)
    {
        var columns = new JArray();
        if (item.Due is { } due)
        {
            columns.Add(new JObject
            {
                ["type"] = "Column",
                ["width"] = "auto",
                ["items"] = new JArray(CardElements.TextBlock(due, id: item.Code is { } c ? CardElements.Id("due", c) : null)),
            });
        }

        if (item.State is { } state)
        {
            columns.Add(new JObject
            {
                ["type"] = "Column",
                ["width"] = "stretch",
                ["items"] = new JArray(CardElements.TextBlock(
                    state.Text, id: item.Code is { } c ? CardElements.Id("state", c) : null, color: Color(state.Tone), bold: state.Tone != ReplyTone.Plain)),
            });
        }

        return new JObject { ["type"] = "ColumnSet", ["spacing"] = "small", ["columns"] = columns };
    }

    private static string? Color(ReplyTone tone) => tone switch
    {
        ReplyTone.Attention => "attention",
        ReplyTone.Warning => "warning",
        ReplyTone.Done => "good",
        _ => null,
    };
}
