using System.Text.Json.Nodes;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Browser;

/// <summary>
/// The bot's Adaptive Cards in Web Chat, in headless Chromium at a phone's 390×844 and a desktop's
/// 1280×800 (Browser/cards.mjs): a due list and a task's detail, failing when a card's deadline or
/// state is cut off (its scrollWidth past its clientWidth, or its box past the card) or the page
/// scrolls sideways, and when five tasks of the list take more than one phone screen. Screenshots
/// are kept under the test output (screenshots/cards-&lt;width&gt;-list.png, -detail.png), with the
/// measures (-measures.txt).
/// </summary>
[Needs(Needs.Browser)]
public sealed class WebChatCardsTests
{
    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task DueListAndDetail_ShowDeadlineAndState_Whole_AndFiveTasksFitAPhoneScreen(int width, int height)
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["DirectLine:SampleSignIn"] = "true" });
        var baseUrl = app.StartOnKestrel();
        Directory.CreateDirectory(WebChatPageTests.Screenshots);

        using var browser = NodeScript.Start("cards.mjs", [baseUrl.ToString(), "sample-coordinator", WebChatPageTests.Screenshots, width.ToString(), height.ToString(), "本月到期"], []);

        var exited = await browser.ExitedAsync(TimeSpan.FromSeconds(120));
        await File.WriteAllTextAsync(Path.Combine(WebChatPageTests.Screenshots, $"cards-{width}-measures.txt"), browser.Output);
        Assert.True(exited == 0, browser.Output);
        var measures = browser.Output.Split('\n').Where(l => l.StartsWith("measure: ", StringComparison.Ordinal)).Select(l => JsonNode.Parse(l["measure: ".Length..])!).ToList();
        var list = Assert.Single(measures, m => m["what"]!.GetValue<string>() == "list");
        Assert.Empty(list["clipped"]!.AsArray());
        Assert.True(list["scrollWidth"]!.GetValue<int>() <= width, browser.Output);
        // Five tasks within one phone screen (844 px), and within the transcript's visible height.
        Assert.True(list["fiveTasksHeight"]!.GetValue<int>() <= Math.Min(844, list["transcriptHeight"]!.GetValue<int>()), browser.Output);
        Assert.Contains("step: pressed 完成, sent as the text", browser.Output);
        Assert.True(new FileInfo(Path.Combine(WebChatPageTests.Screenshots, $"cards-{width}-list.png")).Length > 10_000);
        Assert.True(new FileInfo(Path.Combine(WebChatPageTests.Screenshots, $"cards-{width}-detail.png")).Length > 10_000);
    }
}
