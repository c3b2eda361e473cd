using System.Net;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Telemetry;

/// <summary>campaignbot_channel_connected follows DingTalk's stream and WeCom's long connection (to their stand-ins): 1 while up, 0 once dropped.</summary>
[Needs(Needs.Host)]
public sealed class ChannelGaugeTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DingTalkStream_UpThenDropped_IsOneThenZero_AndWeComUnconfiguredIsAbsent()
    {
        await using var dingTalk = await FakeDingTalk.StartAsync();
        var settings = dingTalk.Settings("Stream");
        settings["Metrics:Enabled"] = "true";
        // The fake clock never lets the reconnect back-off end: a dropped stream stays down while the test looks.
        using var app = new BotApplication(settings);
        using var http = new HttpClient { BaseAddress = app.StartOnKestrel() };
        await dingTalk.WaitConnectedAsync(1, Patience);

        Assert.Equal(1, await ConnectedAsync(http, "dingtalk"));

        dingTalk.Drop();

        await Eventually.WaitAsync(async () => await ConnectedAsync(http, "dingtalk") == 0, Patience);
        Assert.Null(await ConnectedAsync(http, "wecom"));
    }

    [Fact]
    public async Task WeComLongConnection_UpThenDropped_IsOneThenZero_AndDingTalkUnconfiguredIsAbsent()
    {
        await using var weCom = await FakeWeCom.StartAsync();
        var settings = weCom.Settings("LongConnection");
        settings["Metrics:Enabled"] = "true";
        using var app = new BotApplication(settings);
        using var http = new HttpClient { BaseAddress = app.StartOnKestrel() };
        await weCom.WaitConnectedAsync(1, Patience);

        // Up once WeCom has acknowledged the subscription, a moment after the socket opens.
        await Eventually.WaitAsync(async () => await ConnectedAsync(http, "wecom") == 1, Patience);

        weCom.Drop();

        await Eventually.WaitAsync(async () => await ConnectedAsync(http, "wecom") == 0, Patience);
        Assert.Null(await ConnectedAsync(http, "dingtalk"));
    }

    /// <summary>The gauge's value for the channel, or null when it has none.</summary>
    private static async Task<double?> ConnectedAsync(HttpClient http, string channel)
    {
        var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = (await response.Content.ReadAsStringAsync()).Split('\n')
            .FirstOrDefault(l => l.StartsWith("campaignbot_channel_connected{", StringComparison.Ordinal) && l.Contains($"channel=\"{channel}\"", StringComparison.Ordinal));
        return line is null ? null : double.Parse(line.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }
}
