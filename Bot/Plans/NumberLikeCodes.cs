using System.Text.RegularExpressions;

namespace CampaignBot.Plans;

/// <summary>
/// Task codes made only of numbers (1.2, 3-1-2, 12, 6/30): in chat they stand beside quantities and
/// dates (完成了1.2万份, 6/30前), so the bot reads them as a task only where they stand alone, and
/// the import says which codes these are, so that a coordinator can tell people how to write them.
/// </summary>
public static partial class NumberLikeCodes
{
    public static IReadOnlyList<string> Of(IEnumerable<string> codes) => codes.Where(c => Shape().IsMatch(c)).Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"^[0-9一二三四五六七八九十〇零]+(?:[./\-][0-9]+)*$")]
    private static partial Regex Shape();
}
