namespace CampaignBot.Understanding.Commands;

/// <summary>转办 T017 给 材料组 (an office) or 给 孙丽 (a person, whose office then leads).</summary>
public sealed record ReassignCommand(string Code, string To, ReplyLanguage Language) : ChatCommand(Language);
