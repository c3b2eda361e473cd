using CampaignBot.Tests.Support;
using Dapper;

namespace CampaignBot.Tests.Http;

[Needs(Needs.Host)]
public class ConcurrencyTests : IDisposable
{
    private readonly BotApplication bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Done_TwentySimultaneousForOneTask_ExactlyOneSucceeds()
    {
        // 综合组 leads T014; its lead, its member, the coordinators and 张伟's linked accounts all may mark it done.
        var accounts = new[] { "sample-zonghe", "sample-zonghe-lead", "sample-coordinator", "sample-coordinator-2" };
        var client = bot.CreateClient();
        using var start = new ManualResetEventSlim();

        var posts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var response = await bot.PostMessageAsync(client, accounts[i % accounts.Length], $"完成 T014 第{i}次", conversationId: $"race-{i}");
            return Assert.Single(await BotApplication.ReplyTextsAsync(response));
        })).ToList();
        start.Set();
        var replies = await Task.WhenAll(posts);

        Assert.Single(replies, r => r.StartsWith("已完成：T014", StringComparison.Ordinal));
        Assert.Equal(19, replies.Count(r => r.StartsWith("T014 已经完成了", StringComparison.Ordinal)));
        using var ledger = bot.OpenLedger();
        Assert.Equal(1, await ledger.ExecuteScalarAsync<long>("SELECT count(*) FROM audit WHERE action = 'task.done' AND entity_key = 'T014'"));
        Assert.Equal(1, await ledger.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM evidence e JOIN task t ON t.id = e.task_id WHERE t.code = 'T014'"));
    }
}
