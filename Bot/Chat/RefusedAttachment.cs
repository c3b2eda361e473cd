namespace CampaignBot.Chat;

/// <summary>An attachment left out of the evidence, with the name the sender gave it.</summary>
public sealed record RefusedAttachment(string Name, AttachmentRefusal Reason);
