using Microsoft.Bot.Schema;

namespace CampaignBot.Reminders;

/// <summary>A proactive message ready for the Bot Framework: where it goes and what it says.</summary>
public sealed record ReminderDelivery(ConversationReference Reference, IMessageActivity Activity);
