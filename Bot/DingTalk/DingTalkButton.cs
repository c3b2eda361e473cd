namespace CampaignBot.DingTalk;

/// <summary>A button whose tap sends <see cref="Command"/> as the user's own message.</summary>
public sealed record DingTalkButton(string Title, string Command)
{
    /// <summary>DingTalk's client link that sends a message in the current chat when tapped.</summary>
    public string ActionUrl => "dtmd://dingtalkclient/sendMessage?content=" + Uri.EscapeDataString(Command);
}
