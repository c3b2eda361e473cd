using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace CampaignBot.Bots.Cards;

/// <summary>
/// The few Adaptive Card elements the bot's cards are made of, written as JSON. Words the bot writes
/// itself (a date, a state) are TextBlocks; words a person or an import wrote (a title, a note) are
/// TextRuns of a RichTextBlock, which hosts show as plain text: a title like "[驳回](https://…)"
/// stays text where a TextBlock would make it a link. Both wrap.
/// </summary>
public static partial class CardElements
{
    public static JObject TextBlock(string text, string? id = null, string? color = null, bool bold = false, bool subtle = false, string? spacing = null)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        Set(block, "id", id);
        Set(block, "color", color);
        Set(block, "weight", bold ? "bolder" : null);
        Set(block, "spacing", spacing);
        if (subtle)
        {
            block["isSubtle"] = true;
        }

        return block;
    }

    /// <summary>Text as written, never read as markdown.</summary>
    public static JObject PlainText(string text, bool bold = false, bool subtle = false, string? size = null, string? spacing = null)
    {
        var run = new JObject { ["type"] = "TextRun", ["text"] = text };
        Set(run, "weight", bold ? "bolder" : null);
        Set(run, "size", size);
        if (subtle)
        {
            run["isSubtle"] = true;
        }

        var block = new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray(run) };
        Set(block, "spacing", spacing);
        return block;
    }

    /// <summary>
    /// A button that sends <paramref name="command"/> as the user's own message. Teams reads
    /// msteams.imBack. Web Chat 4.x turns an Action.Submit whose data is an object into a postBack
    /// (a value, no text) unless the data says it is a Bot Framework card action
    /// (__isBotFrameworkCardAction, as the SDK's own hero-to-adaptive conversion writes), in which
    /// case it performs that action: imBack, the command sent as text and shown in the transcript.
    /// A host that posts the data back as a value instead is read by <see cref="SubmittedCommand"/>.
    /// </summary>
    public static JObject Submit(string title, string command) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JObject
        {
            ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = command },
            ["__isBotFrameworkCardAction"] = true,
            ["cardAction"] = new JObject { ["type"] = "imBack", ["title"] = title, ["value"] = command },
        },
    };

    /// <summary>An element id made from a task code: letters, digits, '-' and '_' only.</summary>
    public static string Id(string prefix, string code) => prefix + "-" + NotIdCharacters().Replace(code, "_");

    private static void Set(JObject element, string name, string? value)
    {
        if (value is not null)
        {
            element[name] = value;
        }
    }

    [GeneratedRegex("[^A-Za-z0-9_-]")]
    private static partial Regex NotIdCharacters();
}
