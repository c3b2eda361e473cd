namespace CampaignBot.Chat.Replies;

/// <summary>A PNG image shown inline after a reply's text (so Teams and Web Chat show it): the report's chart.</summary>
public sealed record ReplyPicture(string FileName, byte[] Png)
{
    public string DataUrl => "data:image/png;base64," + Convert.ToBase64String(Png);
}
