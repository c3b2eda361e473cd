using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;
using CampaignBot.Understanding;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.ModelReading;

/// <summary>What the checks of a model's reading need: the asker, today, the ledger's names and tasks by code.</summary>
public sealed record ModelCheckContext(Person? Person, DateOnly Today, ReplyLanguage Language, LedgerNames Names, ReplyTexts Texts, Func<string, LedgerTask?> Task);
