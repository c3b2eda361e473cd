using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Scheduling.Reminders;

public sealed record CycleResult(ReminderPlan Plan, int Enqueued, DispatchSummary Dispatch);
