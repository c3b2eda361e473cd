namespace CampaignBot.DingTalk;

/// <summary>
/// One message as DingTalk shows it: plain text, markdown, or an ActionCard (markdown with buttons
/// under it). The same content goes out in two wire forms: a session webhook's "msgtype" body, and
/// the app's send APIs' msgKey/msgParam (<see cref="DingTalkWireFormat"/>).
/// </summary>
public sealed record DingTalkContent(DingTalkContentKind Kind, string Title, string Text, IReadOnlyList<DingTalkButton> Buttons)
{
    public static DingTalkContent Plain(string text) => new(DingTalkContentKind.Text, "", text, []);
}
