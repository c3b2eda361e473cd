namespace CampaignBot.WeCom;

/// <summary>A picture or file in a message: its download url (valid about five minutes, encrypted) and the key that decrypts it (long connection only).</summary>
public sealed record WeComMedia(string Url, string? AesKey, bool IsPicture);
