using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignBot.Bots.Cards;

/// <summary>
/// The few Adaptive Card elements the bot's cards are made of, written straight to JSON. Words the
/// bot writes itself (a date, a state) are TextBlocks; words a person or an import wrote (a title, a
/// note) are TextRuns of a RichTextBlock, which hosts show as plain text: a title like
/// "[驳回](https://…)" stays text where a TextBlock would make it a link. Both wrap.
/// </summary>
public static partial class CardElements
{
    public static void TextBlock(Utf8JsonWriter writer, string text, string? id = null, string? color = null, bool bold = false, bool subtle = false, string? spacing = null)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "TextBlock");
        writer.WriteString("text", text);
        writer.WriteBoolean("wrap", true);
        Set(writer, "id", id);
        Set(writer, "color", color);
        Set(writer, "weight", bold ? "bolder" : null);
        Set(writer, "spacing", spacing);
        if (subtle)
        {
            writer.WriteBoolean("isSubtle", true);
        }

        writer.WriteEndObject();
    }

    /// <summary>Text as written, never read as markdown.</summary>
    public static void PlainText(Utf8JsonWriter writer, string text, bool bold = false, bool subtle = false, string? size = null, string? spacing = null)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "RichTextBlock");
        writer.WriteStartArray("inlines");
        writer.WriteStartObject();
        writer.WriteString("type", "TextRun");
        writer.WriteString("text", text);
        Set(writer, "weight", bold ? "bolder" : null);
        Set(writer, "size", size);
        if (subtle)
        {
            writer.WriteBoolean("isSubtle", true);
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
        Set(writer, "spacing", spacing);
        writer.WriteEndObject();
    }

    /// <summary>
    /// A button that sends <paramref name="command"/> as the user's own message. Teams reads
    /// msteams.imBack. Web Chat 4.x turns an Action.Submit whose data is an object into a postBack
    /// (a value, no text) unless the data says it is a Bot Framework card action
    /// (__isBotFrameworkCardAction, as the SDK's own hero-to-adaptive conversion writes), in which
    /// case it performs that action: imBack, the command sent as text and shown in the transcript.
    /// A host that posts the data back as a value instead is read by <see cref="SubmittedCommand"/>.
    /// </summary>
    public static void Submit(Utf8JsonWriter writer, string title, string command)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "Action.Submit");
        writer.WriteString("title", title);
        writer.WriteStartObject("data");
        writer.WriteStartObject("msteams");
        writer.WriteString("type", "imBack");
        writer.WriteString("value", command);
        writer.WriteEndObject();
        writer.WriteBoolean("__isBotFrameworkCardAction", true);
        writer.WriteStartObject("cardAction");
        writer.WriteString("type", "imBack");
        writer.WriteString("title", title);
        writer.WriteString("value", command);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>An element id made from a task code: letters, digits, '-' and '_' only.</summary>
    public static string Id(string prefix, string code) => prefix + "-" + NotIdCharacters().Replace(code, "_");

    private static void Set(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotIdCharacters();
}
