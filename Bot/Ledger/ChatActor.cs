namespace CampaignBot.Ledger;

/// <summary>Who is speaking and from where: the account, the person it speaks for (if known), the chat.</summary>
public sealed record ChatActor(string AccountId, Person? Person, string ChannelId, string ConversationId);
