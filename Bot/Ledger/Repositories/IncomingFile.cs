namespace CampaignBot.Ledger.Repositories;

/// <summary>
/// A file that arrived as evidence and is to be kept: from the embedded channel's uploads (by its
/// attachment id) or from a channel's link (fetched, with the bot's credentials where the channel
/// needs them). <paramref name="ServiceUrl"/>, with the channel and conversation, is how the bot's
/// credentials for that channel are found again for a retry.
/// </summary>
public sealed record IncomingFile(
    string Name, string? ClaimedType, string SenderAccount, string? SourceUrl, string? AttachmentId, bool NeedsBotCredentials,
    string ChannelId, string ConversationId, string? ServiceUrl);
