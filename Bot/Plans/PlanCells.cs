using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignBot.Plans;

/// <summary>Reads cell values as a spreadsheet hands them over: text, numbers, or dates.</summary>
public static partial class PlanCells
{
    public static string AsText(object? value) => value switch
    {
        null => string.Empty,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };

    public enum DateCell
    {
        Empty,
        Valid,
        Impossible,
        Unreadable,
    }

    /// <summary>
    /// A date cell: a real date, an Excel serial number, or text such as 2026-06-30, 2026/6/30 or
    /// 2026年6月30日. A well-formed date that the calendar does not have (2026-02-30) is Impossible.
    /// </summary>
    public static DateCell ReadDate(object? value, out DateOnly date)
    {
        date = default;
        switch (value)
        {
            case null:
                return DateCell.Empty;
            case DateTime dateTime:
                date = DateOnly.FromDateTime(dateTime);
                return DateCell.Valid;
            case double serial when serial is > 1 and < 2958466:
                date = DateOnly.FromDateTime(DateTime.FromOADate(serial));
                return DateCell.Valid;
        }

        var text = AsText(value);
        if (text.Length == 0)
        {
            return DateCell.Empty;
        }

        var match = DateText().Match(text);
        if (!match.Success)
        {
            return DateCell.Unreadable;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return DateCell.Impossible;
        }

        date = new DateOnly(year, month, day);
        return DateCell.Valid;
    }

    public static IReadOnlyList<string> AsList(string text) =>
        text.Split(PlanColumns.ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    // Text dates, optionally followed by a midnight time as some spreadsheets write it.
    [GeneratedRegex(@"^(?<y>\d{4})\s*[-/.年]\s*(?<m>\d{1,2})\s*[-/.月]\s*(?<d>\d{1,2})\s*日?(?:[ T]0{1,2}:00(?::00)?)?$")]
    private static partial Regex DateText();
}
