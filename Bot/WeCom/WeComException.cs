namespace CampaignBot.WeCom;

/// <summary>WeCom refused what the bot sent (its errcode and errmsg), or did not answer in time.</summary>
public sealed class WeComException(string message, int? errCode = null) : Exception(message)
{
    public int? ErrCode { get; } = errCode;
}
