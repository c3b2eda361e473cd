namespace CampaignBot.Ledger.ReadModels.Board;

/// <summary>
/// A board filter's choices as the page gets them: the most used (by task count) up to a cap, and
/// how many there are in all; the rest are found by search (<see cref="BoardChoices"/>), so the
/// board's answer stays small however many evaluation items or offices the ledger holds.
/// </summary>
public sealed record FilterChoices<T>(int Count, IReadOnlyList<T> Listed);
