namespace CampaignBot.Chat.Outgoing;

/// <summary>A PNG image sent inline after a message's text (so Teams and Web Chat show it).</summary>
public sealed record OutgoingPicture(string FileName, byte[] Png)
{
    public string DataUrl => "data:image/png;base64," + Convert.ToBase64String(Png);
}
