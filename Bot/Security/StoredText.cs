using Microsoft.Bot.Schema;

namespace CampaignBot.Security;

/// <summary>
/// An incoming activity's text and attachment names without control characters
/// (<see cref="ControlCharacters"/>), before any of it is kept: the transcript, notes, evidence file
/// names, the miss log. Every channel's turn passes here (the activity handler); the embedded
/// channel also before it stores the message.
/// </summary>
public static class StoredText
{
    public static void Clean(IActivity activity)
    {
        if (activity is not Activity message)
        {
            return;
        }

        message.Text = ControlCharacters.StripOrNull(message.Text);
        foreach (var attachment in message.Attachments ?? [])
        {
            if (attachment?.Name is { } name)
            {
                attachment.Name = ControlCharacters.OneLine(name);
            }
        }
    }
}
