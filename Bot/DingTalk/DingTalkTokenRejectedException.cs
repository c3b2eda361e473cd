namespace CampaignBot.DingTalk;

/// <summary>DingTalk refused the access token (401): renewed and tried once more, then a failure.</summary>
public sealed class DingTalkTokenRejectedException(string message) : Exception(message);
