using CampaignBot.Chat;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Operator;

public class UnderstandingVerbsTests : IAsyncLifetime
{
    private BotServices services = null!;

    public async Task InitializeAsync() => services = await BotServices.CreateAsync();

    public async Task DisposeAsync() => await services.DisposeAsync();

    private Task SayAsync(string text, string channel = "msteams") =>
        services.Get<ChatCommandRouter>().HandleAsync(new ChatRequest(text, "sample-zonghe", channel, "conv-1", false, [], null), CancellationToken.None);

    [Fact]
    public async Task Report_ListsTheMostFrequentMissesFirst_WithWhatTheBotAsked()
    {
        await SayAsync("今天食堂吃什么");
        await SayAsync("今天食堂吃什么", "webchat");
        await SayAsync("T021 好了");
        await SayAsync("本周到期");

        var (code, output) = await OperatorRun.RunAsync(services.Provider, "understanding", "report");

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        var first = Array.FindIndex(lines, l => l.Contains("今天食堂吃什么"));
        var second = Array.FindIndex(lines, l => l.Contains("T021 好了"));
        Assert.True(first >= 0 && second > first, output);
        Assert.Matches(@"^\s+2\s+没读懂\s", lines[first]);
        Assert.Contains("Teams", lines[first]);
        Assert.Contains("网页聊天", lines[first]);
        Assert.Matches(@"^\s+1\s+追问\s", lines[second]);
        Assert.DoesNotContain("本周到期", output);
        // The coordinator who runs it cannot edit the bot's test corpus: the list goes to the maintainers.
        Assert.DoesNotContain("corpus.txt", output);
        Assert.EndsWith("请把这份清单转给机器人的维护人员：他们把值得读懂的说法加进语料、教给机器人（做法见 docs/understanding.md）。", output.TrimEnd());
    }

    [Fact]
    public async Task Report_WithNoMisses_SaysSo()
    {
        var (code, output) = await OperatorRun.RunAsync(services.Provider, "understanding", "report", "--days", "7");

        Assert.Equal(0, code);
        Assert.Contains("最近 7 天没有机器人读不懂的消息。", output);
    }

    [Theory]
    [InlineData("understanding")]
    [InlineData("understanding", "report", "--days")]
    [InlineData("understanding", "report", "--days", "0")]
    [InlineData("understanding", "report", "--days", "many")]
    [InlineData("understanding", "list")]
    public async Task WrongArguments_ExitTwoWithUsage(params string[] args)
    {
        var (code, output) = await OperatorRun.RunAsync(services.Provider, args);

        Assert.Equal(2, code);
        Assert.Contains("usage: understanding", output);
        Assert.Contains("`understanding", output);
    }

    /// <summary>Issue 25: sequences sent in chat cleared and coloured the operator's terminal; the miss log kept a phone number and a secret.</summary>
    [Fact]
    public async Task EscapeSequencesAndPersonalData_SentInChat_ReachNeitherTheMissLogNorTheTerminal()
    {
        await SayAsync("\u001b[2J\u001b[31mFAKE ALERT 打 13812345678 appsecret=Zx9kQ2mNvB7");
        // A row an earlier version stored raw is printed without its escapes as well.
        await using (var ledger = await services.Database.OpenAsync())
        {
            await Dapper.SqlMapper.ExecuteAsync(ledger, "INSERT INTO understanding_miss (text, channel_id, outcome, at) VALUES ('old\u001b]0;pwned\u0007 row\r\nforged', 'msteams', 'unknown', @At)",
                new { At = CampaignBot.Data.UtcText.Format(services.Database.Time.GetUtcNow()) });
        }

        var (_, output) = await OperatorRun.RunAsync(services.Provider, "understanding", "report");

        await using var after = await services.Database.OpenAsync();
        var kept = await Dapper.SqlMapper.QuerySingleAsync<string>(after, "SELECT text FROM understanding_miss WHERE text LIKE '%FAKE ALERT%'");
        Assert.Equal("FAKE ALERT 打 [电话] appsecret=[密钥]", kept);
        Assert.Contains("FAKE ALERT", output);
        Assert.Contains("old row forged", output);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\r', output);
        Assert.DoesNotContain('\u0007', output);
    }
}
