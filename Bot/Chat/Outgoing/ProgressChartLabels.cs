namespace CampaignBot.Chat.Outgoing;

/// <summary>The words on the progress chart: its title, the axis legend, and how an office's overdue count reads.</summary>
public sealed record ProgressChartLabels(string Title, string Axis, Func<int, string> Overdue);
