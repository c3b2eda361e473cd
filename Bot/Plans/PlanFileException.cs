namespace CampaignBot.Plans;

public sealed class PlanFileException(string message) : Exception(message);
