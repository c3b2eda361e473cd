using CampaignBot.Chat.Replies;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Bots.Cards;

/// <summary>
/// A reply's items as ONE Adaptive Card (schema 1.5): a compact block per task, separated by rules,
/// so that five tasks fit a phone screen: the title, the office, then the deadline and the state on
/// one line (which wraps rather than cuts on a narrow screen), the task's buttons at the right.
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
        var texts = new JArray { CardElements.PlainText(item.Title, bold: true, size: item.IsDetail ? "medium" : null) };
        if (item.Office is { } office)
        {
            texts.Add(CardElements.PlainText(office, subtle: true, spacing: "none"));
        }

        if (item.Due is not null || item.State is not null)
        {
            texts.Add(DueAndState(item));
        }

        foreach (var line in item.Lines)
        {
            texts.Add(CardElements.PlainText(line, spacing: "small"));
        }

        var block = new JObject { ["type"] = "Container", ["items"] = item.Buttons.Count == 0 ? texts : new JArray(WithButtons(texts, item.Buttons, item.IsDetail)) };
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
    /// The texts with the buttons in a narrow column at their right, one under the other (an
    /// ActionSet each, so every host stacks them): a task takes about as much height as its texts.
    /// Beside a list row they are centred; beside a detail's long column of fields, at its top.
    /// </summary>
    private static JObject WithButtons(JArray texts, IReadOnlyList<ReplyAction> buttons, bool detail) => new()
    {
        ["type"] = "ColumnSet",
        ["columns"] = new JArray
        {
            new JObject { ["type"] = "Column", ["width"] = "stretch", ["items"] = texts },
            new JObject
            {
                ["type"] = "Column",
                ["width"] = "auto",
                ["verticalContentAlignment"] = detail ? "top" : "center",
                ["items"] = new JArray(buttons.Select((b, i) => new JObject
                {
                    ["type"] = "ActionSet",
                    ["spacing"] = i == 0 ? "none" : "small",
                    ["actions"] = new JArray(CardElements.Submit(b.Title, b.Value)),
                })),
            },
        },
    };

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
