using CampaignBot.Ledger;

namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>What to show: one office (as lead or helping office) and/or one evaluation item; null is all.</summary>
public sealed record BoardFilter(long? OfficeId, string? Item)
{
    public static readonly BoardFilter All = new(null, null);

    public bool Includes(LedgerTask task) =>
        (OfficeId is not { } office || task.InvolvesOffice(office))
        && (Item is null || ItemOf(task) == Item);

    public static string ItemOf(LedgerTask task) => string.IsNullOrWhiteSpace(task.EvaluationItem) ? BoardSnapshot.NoItem : task.EvaluationItem.Trim();
}
