namespace CampaignBot.Scheduling.Delivery;

/// <summary>
/// What an outbox message carries, as stored: never text. Reminders and the weekly report are
/// composed from the ledger when they are sent; the bot adds its own kinds (notices) as subtypes.
/// </summary>
public abstract record OutboxContent;
