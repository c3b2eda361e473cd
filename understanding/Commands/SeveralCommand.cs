namespace CampaignBot.Understanding.Commands;

/// <summary>Several tasks in one message (T014 和 T024 都弄完了, T010 延期到12月10日，T011 谁负责): one outcome each, in one reply.</summary>
public sealed record SeveralCommand(IReadOnlyList<ChatCommand> Commands, ReplyLanguage Language) : ChatCommand(Language);
