namespace CampaignBot.Scheduling.Delivery;

/// <summary>The chat no longer has the bot (the channel answered 403 or 404).</summary>
public sealed class TargetGoneException(string message, Exception? inner = null) : Exception(message, inner);
