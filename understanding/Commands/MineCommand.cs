namespace CampaignBot.Understanding.Commands;

public sealed record MineCommand(ReplyLanguage Language) : ChatCommand(Language)
{
    /// <summary>Someone else's open tasks (孙丽的任务), by their ledger name; null: the asker's.</summary>
    public string? PersonName { get; init; }
}
