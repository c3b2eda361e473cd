namespace CampaignBot.Scheduling.Delivery;

public sealed record DispatchSummary(int Sent, int Failed, int Cancelled, int Gone)
{
    public static readonly DispatchSummary Empty = new(0, 0, 0, 0);

    public int Total => Sent + Failed + Cancelled + Gone;
}
