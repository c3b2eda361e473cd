using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace CampaignBot.Tests.Browser;

/// <summary>
/// Judges the "layout: {json}" lines layout.mjs prints, one per page state and width (390×844, a
/// phone; 1280×800, a desk), by what a person would notice: a page wider than the screen, a header
/// taller than one line or a title on two, a button or the send box off screen on load, a date
/// split or cut, table cells squeezed to a character per line, board sections side by side on a
/// phone. Every fault of every line is reported at once, with the screenshot to look at.
/// </summary>
public static class PageLayout
{
    /// <summary>One line of text in a header, with its padding: more means the header wrapped.</summary>
    public const int HeaderMaxHeight = 64;

    /// <summary>Below this width the page is a phone's: one column.</summary>
    private const int PhoneWidth = 600;

    public static IReadOnlyList<JsonObject> Measured(string output, string page) =>
        output.Split('\n')
            .Where(l => l.StartsWith("layout: ", StringComparison.Ordinal))
            .Select(l => JsonNode.Parse(l["layout: ".Length..])!.AsObject())
            .Where(m => m["page"]!.GetValue<string>() == page)
            .ToList();

    /// <summary>The page measured at both widths, and nothing wrong at either.</summary>
    public static void AssertFits(string output, string page)
    {
        var measured = Measured(output, page);
        Assert.True(
            measured.Select(m => m["viewportWidth"]!.GetValue<int>()).Order().SequenceEqual([390, 1280]),
            $"{page} was not measured at 390 and 1280 px:\n{output}");
        var faults = measured.SelectMany(Faults).ToList();
        if (faults.Count > 0)
        {
            throw new XunitException($"{page} does not fit the screen (screenshots {page}-390.png, {page}-1280.png in {WebChatPageTests.Screenshots}):\n- " + string.Join("\n- ", faults));
        }
    }

    private static IEnumerable<string> Faults(JsonObject m)
    {
        var width = m["viewportWidth"]!.GetValue<int>();
        var height = m["viewportHeight"]!.GetValue<int>();
        var at = $"at {width} px:";
        var expects = m["expects"]!;

        if (m["scrollWidth"]!.GetValue<int>() > width)
        {
            yield return $"{at} the document is {m["scrollWidth"]} px wide, so it scrolls sideways";
        }

        if (m["header"] is not JsonObject header)
        {
            yield return $"{at} no header";
        }
        else if (header["height"]!.GetValue<int>() > HeaderMaxHeight)
        {
            yield return $"{at} the header is {header["height"]} px tall (one line is at most {HeaderMaxHeight})";
        }

        if (m["title"] is JsonObject title && title["lines"]!.GetValue<int>() != 1)
        {
            yield return $"{at} the title \"{title["text"]}\" takes {title["lines"]} lines";
        }

        foreach (var shown in m["visible"]!.AsArray())
        {
            if (shown!["box"] is not JsonObject box)
            {
                yield return $"{at} {shown["selector"]} is not shown";
            }
            else if (!Inside(box, width, height))
            {
                yield return $"{at} {shown["selector"]} is not fully on screen on load: {box.ToJsonString()}";
            }
        }

        if (expects["sendBox"]!.GetValue<bool>())
        {
            if (m["sendBox"] is not JsonObject sendBox)
            {
                yield return $"{at} no send box";
            }
            else if (!Inside(sendBox, width, height) || m["scrollY"]!.GetValue<int>() != 0)
            {
                yield return $"{at} the send box is not on screen on load: {sendBox.ToJsonString()} in {width}×{height}, page scrolled {m["scrollY"]} px";
            }
        }

        var dates = m["dates"]!.AsArray();
        if (expects["dates"]!.GetValue<bool>() && dates.Count == 0)
        {
            yield return $"{at} no date cells to check";
        }

        foreach (var date in dates.Where(d => d!["lines"]!.GetValue<int>() != 1 || d["clipped"]!.GetValue<bool>()))
        {
            yield return $"{at} the date \"{date!["text"]}\" is split over {date["lines"]} lines or cut off";
        }

        foreach (var cell in m["squeezed"]!.AsArray())
        {
            yield return $"{at} the cell \"{cell}\" is squeezed to a character or two per line";
        }

        foreach (var text in m["offScreen"]!.AsArray())
        {
            yield return $"{at} \"{text}\" runs off the screen";
        }

        foreach (var fault in SectionFaults(m["sections"]!.AsArray(), expects["sideBySideWhenWide"]!.AsArray(), width))
        {
            yield return $"{at} {fault}";
        }
    }

    /// <summary>On a phone one column, each section below the last; on a desk the named pair side by side.</summary>
    private static IEnumerable<string> SectionFaults(JsonArray sections, JsonArray pair, int width)
    {
        var boxes = sections.Select(s => s!.AsObject()).OrderBy(s => s["top"]!.GetValue<int>()).ToList();
        if (width < PhoneWidth)
        {
            foreach (var (above, below) in boxes.Zip(boxes.Skip(1)))
            {
                if (below["top"]!.GetValue<int>() < above["bottom"]!.GetValue<int>())
                {
                    yield return $"sections \"{above["name"]}\" and \"{below["name"]}\" sit side by side on a phone";
                }
            }

            yield break;
        }

        var named = pair.Select(p => boxes.FirstOrDefault(b => b["name"]!.GetValue<string>() == p!.GetValue<string>())).ToList();
        if (named.Count == 2 && (named[0] is null || named[1] is null || named[0]!["top"]!.GetValue<int>() != named[1]!["top"]!.GetValue<int>()))
        {
            yield return $"sections {pair.ToJsonString()} are not side by side on a wide screen";
        }
    }

    private static bool Inside(JsonObject box, int width, int height) =>
        box["width"]!.GetValue<int>() > 0 && box["left"]!.GetValue<int>() >= 0 && box["right"]!.GetValue<int>() <= width
        && box["top"]!.GetValue<int>() >= 0 && box["bottom"]!.GetValue<int>() <= height;
}
