namespace CampaignBot.Chat.Replies;

/// <summary>How a state is marked where a channel can colour it: overdue is an alarm, due today a warning.</summary>
public enum ReplyTone
{
    Plain,
    Warning,
    Attention,
    Done,
}
