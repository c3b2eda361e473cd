using CampaignBot.Chat.Outgoing;
using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Tests.Outbox;

/// <summary>Each target goes to the channel that delivers it, whatever order the channels were registered in.</summary>
public sealed class RoutingMessageSenderTests
{
    private sealed class Channel(string name, Func<MessageTarget, bool> delivers, bool catchesAll, List<string> log) : IChannelSender
    {
        public bool Delivers(MessageTarget target) => delivers(target);

        public bool CatchesAll => catchesAll;

        public Task SendAsync(MessageTarget target, OutgoingMessage message, CancellationToken cancellationToken)
        {
            log.Add($"{name} {target}");
            return Task.CompletedTask;
        }
    }

    private static readonly OutgoingMessage Message = new(new ChatReply("提醒"), ReplyLanguage.Chinese);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ASpecificChannel_WinsOverTheOneThatTakesAnyChat_InEitherOrder(bool reversed)
    {
        var log = new List<string>();
        var channels = new List<IChannelSender>
        {
            new Channel("connector", t => t is ChatTarget, catchesAll: true, log),
            new Channel("dingtalk", t => t is ChatTarget { ChannelId: "dingtalk" }, catchesAll: false, log),
            new Channel("robot", t => t is RobotTarget, catchesAll: false, log),
        };
        if (reversed)
        {
            channels.Reverse();
        }

        var sender = new RoutingMessageSender(channels);
        await sender.SendAsync(new ChatTarget("dingtalk", "cid1"), Message, CancellationToken.None);
        await sender.SendAsync(new ChatTarget("msteams", "19:a"), Message, CancellationToken.None);
        await sender.SendAsync(new RobotTarget(7), Message, CancellationToken.None);

        Assert.Equal(["dingtalk bf:dingtalk:cid1", "connector bf:msteams:19:a", "robot robot:7"], log);
    }

    [Fact]
    public async Task ATargetNoChannelDelivers_FailsTheMessage()
    {
        var sender = new RoutingMessageSender([new Channel("connector", t => t is ChatTarget, catchesAll: true, [])]);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(new RobotTarget(7), Message, CancellationToken.None));
        Assert.Contains("robot:7", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bf:msteams:19:abc@thread.tacv2", "msteams", "19:abc@thread.tacv2")]
    [InlineData("bf:dingtalk:cidXYZ==", "dingtalk", "cidXYZ==")]
    public void AStoredChatKey_ReadsBackAsTheSameTarget(string key, string channel, string conversation)
    {
        var target = Assert.IsType<ChatTarget>(MessageTarget.Parse(key));
        Assert.Equal(new ChatTarget(channel, conversation), target);
        Assert.Equal(key, target.Key);
        Assert.Equal(new RobotTarget(12), MessageTarget.Parse(new RobotTarget(12).Key));
    }

    [Theory]
    [InlineData("msteams:19:abc")]
    [InlineData("robot:x")]
    [InlineData("bf:nocolon")]
    public void AKeyOfNoKnownForm_IsRefused(string key) => Assert.Throws<FormatException>(() => MessageTarget.Parse(key));
}
