namespace CampaignBot.Understanding.Commands;

/// <summary>本周通报, this week's report: the weekly report (通报) with its chart, now (leaders and coordinators).</summary>
public sealed record ReportCommand(ReplyLanguage Language) : ChatCommand(Language);
