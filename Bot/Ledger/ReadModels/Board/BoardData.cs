namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>
/// What the board page shows, computed by the database: its size follows the page (offices, items,
/// capped lists), not the ledger. At 100,000 tasks the whole ledger as JSON was 22 MB and 2 s.
/// The filters' choices are capped too (the most used, by name; the rest by search, <see cref="BoardChoices"/>).
/// </summary>
public sealed record BoardData(
    DateOnly Today,
    BoardTotals Totals,
    IReadOnlyList<OfficeLine> Offices,
    BoardList Overdue,
    BoardList NextDays,
    IReadOnlyList<int> NextDaysPerDay,
    int ItemCount,
    IReadOnlyList<ItemSummary> Items,
    FilterChoices<string> ItemChoices,
    FilterChoices<OfficeChoice> OfficeChoices)
{
    /// <summary>Tasks listed as overdue, due in the next 14 days, or under a chosen item; the rest are counted.</summary>
    public const int ListLimit = 50;

    /// <summary>Evaluation items listed, those with most evidence gaps first.</summary>
    public const int ItemLimit = 50;
}
