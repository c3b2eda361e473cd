namespace CampaignBot.WeCom;

/// <summary>Where a turn's replies go: the long connection (by the callback's req_id, then proactive sends) or a callback's response url.</summary>
public interface IWeComReplies
{
    Task ReplyAsync(WeComContent content, CancellationToken cancellationToken);
}
