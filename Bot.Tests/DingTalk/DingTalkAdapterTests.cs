using System.Security.Claims;
using System.Text.Json.Nodes;
using CampaignBot.DingTalk;
using CampaignBot.Tests.Support;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace CampaignBot.Tests.DingTalk;

/// <summary>The adapter as the Bot Framework sees it: the turn's identity, the activity it builds, and a proactive turn.</summary>
[Needs(Needs.Host)]
public class DingTalkAdapterTests : IAsyncLifetime
{
    private FakeDingTalk dingTalk = null!;
    private BotServices services = null!;

    public async Task InitializeAsync()
    {
        dingTalk = await FakeDingTalk.StartAsync();
        services = await BotServices.CreateAsync(new AnchoredTimeProvider(TestClock.Start), dingTalk.Settings("Http"));
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await dingTalk.DisposeAsync();
    }

    [Fact]
    public async Task Message_BecomesAnAuthenticatedDingTalkActivity()
    {
        var message = DingTalkMessage.Parse(dingTalk.Message("msg-1", "liming01", "本周到期").ToJsonString())!;
        var recorder = new RecordingBot();

        Assert.True(await services.Get<DingTalkAdapter>().ProcessAsync(message, recorder, CancellationToken.None));

        var activity = recorder.Activity!;
        Assert.Equal(("dingtalk", "cidGroup01==", true), (activity.ChannelId, activity.Conversation.Id, activity.Conversation.IsGroup == true));
        Assert.Equal(("dingtalk:liming01", "测试用户liming01"), (activity.From.Id, activity.From.Name));
        Assert.Equal("本周到期", activity.Text);
        Assert.Equal(DingTalkChannel.AuthenticationType, recorder.Identity?.AuthenticationType);
        Assert.True(CampaignBot.Security.ChannelTrust.IsAuthenticated(recorder.Identity));
        Assert.False(await services.Get<DingTalkAdapter>().ProcessAsync(message, recorder, CancellationToken.None));
    }

    [Fact]
    public async Task ContinueConversation_SendsThroughTheAppsGroupApi()
    {
        var adapter = services.Get<DingTalkAdapter>();
        var message = DingTalkMessage.Parse(dingTalk.Message("msg-2", "liming01", "本周到期").ToJsonString())!;
        await adapter.ProcessAsync(message, new RecordingBot(), CancellationToken.None);
        var reference = new ConversationReference
        {
            ChannelId = DingTalkChannel.ChannelId,
            Conversation = new ConversationAccount(true, id: "cidGroup01=="),
            Bot = new ChannelAccount(FakeDingTalk.RobotCode),
        };

        await adapter.ContinueConversationAsync(FakeDingTalk.RobotCode, reference, (turn, token) => turn.SendActivityAsync("各位好", cancellationToken: token), CancellationToken.None);

        var (kind, body) = Assert.Single(dingTalk.Sent);
        Assert.Equal("group", kind);
        Assert.Equal("sampleText", body["msgKey"]!.GetValue<string>());
        Assert.Equal("各位好", JsonNode.Parse(body["msgParam"]!.GetValue<string>())!["content"]!.GetValue<string>());
    }

    private sealed class RecordingBot : IBot
    {
        public Activity? Activity { get; private set; }

        public ClaimsIdentity? Identity { get; private set; }

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            Activity = turnContext.Activity;
            Identity = turnContext.TurnState.Get<ClaimsIdentity>(BotAdapter.BotIdentityKey);
            return Task.CompletedTask;
        }
    }
}
