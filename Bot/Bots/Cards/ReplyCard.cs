using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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
/// <remarks>
/// Written straight to JSON and handed on as raw JSON (<see cref="JRaw"/>), which the SDK's and the
/// Direct Line store's serialisers copy as it is. Built as a Newtonsoft token tree, a 15-task card
/// cost 120 µs and 390 KB of garbage per answer, and the tree was copied again when the activity
/// was written: the largest part of a Web Chat answer's cost (docs/directline.md, "Throughput").
/// </remarks>
public static class ReplyCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>
    /// Chinese written as UTF-8, not as \uXXXX (a third of the bytes). The card is JSON read by card
    /// hosts, never placed into HTML as it is, so the HTML-sensitive characters need no escaping.
    /// </summary>
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A buffer per thread, reused: rendering is synchronous, and most cards are a few dozen KB.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? buffer;

    /// <summary>The card as an attachment's content.</summary>
    public static JRaw Of(IReadOnlyList<ReplyItem> items) => new(Json(items));

    public static string Json(IReadOnlyList<ReplyItem> items)
    {
        var written = buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        written.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(written, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "AdaptiveCard");
            writer.WriteString("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
            writer.WriteString("version", "1.5");
            writer.WriteStartArray("body");
            for (var i = 0; i < items.Count; i++)
            {
                Block(writer, items[i], first: i == 0);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var json = Encoding.UTF8.GetString(written.WrittenSpan);
        if (written.Capacity > 1024 * 1024)
        {
            // One huge card (a detail with hundreds of lines) does not pin its buffer to the thread.
            buffer = null;
        }

        return json;
    }

    private static void Block(Utf8JsonWriter writer, ReplyItem item, bool first)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Container");
        writer.WriteStartArray("items");
        if (item.Buttons.Count == 0)
        {
            Texts(writer, item);
        }
        else
        {
            WithButtons(writer, item);
        }

        writer.WriteEndArray();
        if (item.Code is { } code)
        {
            writer.WriteString("id", CardElements.Id("task", code));
        }

        if (!first)
        {
            writer.WriteBoolean("separator", true);
            writer.WriteString("spacing", "medium");
        }

        writer.WriteEndObject();
    }

    private static void Texts(Utf8JsonWriter writer, ReplyItem item)
    {
        CardElements.PlainText(writer, item.Title, bold: true, size: item.IsDetail ? "medium" : null);
        if (item.Office is { } office)
        {
            CardElements.PlainText(writer, office, subtle: true, spacing: "none");
        }

        if (item.Due is not null || item.State is not null)
        {
            DueAndState(writer, item);
        }

        foreach (var line in item.Lines)
        {
            CardElements.PlainText(writer, line, spacing: "small");
        }
    }

    /// <summary>
    /// The texts with the buttons in a narrow column at their right, one under the other (an
    /// ActionSet each, so every host stacks them): a task takes about as much height as its texts.
    /// Beside a list row they are centred; beside a detail's long column of fields, at its top.
    /// </summary>
    private static void WithButtons(Utf8JsonWriter writer, ReplyItem item)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "ColumnSet");
        writer.WriteStartArray("columns");

        writer.WriteStartObject();
        writer.WriteString("type", "Column");
        writer.WriteString("width", "stretch");
        writer.WriteStartArray("items");
        Texts(writer, item);
        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject();
        writer.WriteString("type", "Column");
        writer.WriteString("width", "auto");
        writer.WriteString("verticalContentAlignment", item.IsDetail ? "top" : "center");
        writer.WriteStartArray("items");
        for (var i = 0; i < item.Buttons.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "ActionSet");
            writer.WriteString("spacing", i == 0 ? "none" : "small");
            writer.WriteStartArray("actions");
            CardElements.Submit(writer, item.Buttons[i].Title, item.Buttons[i].Value);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// The deadline at its natural width, the state beside it taking what is left (and wrapping
    /// within it): neither is ever cut off.
    /// </summary>
    private static void DueAndState(Utf8JsonWriter writer, ReplyItem item)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "ColumnSet");
        writer.WriteString("spacing", "small");
        writer.WriteStartArray("columns");
        if (item.Due is { } due)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Column");
            writer.WriteString("width", "auto");
            writer.WriteStartArray("items");
            CardElements.TextBlock(writer, due, id: item.Code is { } c ? CardElements.Id("due", c) : null);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        if (item.State is { } state)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Column");
            writer.WriteString("width", "stretch");
            writer.WriteStartArray("items");
            CardElements.TextBlock(
                writer, state.Text, id: item.Code is { } c ? CardElements.Id("state", c) : null, color: Color(state.Tone), bold: state.Tone != ReplyTone.Plain);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string? Color(ReplyTone tone) => tone switch
    {
        ReplyTone.Attention => "attention",
        ReplyTone.Warning => "warning",
        ReplyTone.Done => "good",
        _ => null,
    };
}
