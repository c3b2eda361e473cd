namespace CampaignBot.Security;

/// <summary>
/// Text cells that a spreadsheet would run as a formula (a title "=HYPERLINK(...)" exported as is
/// becomes a live link in Excel or WPS). Exports prefix such text with a single quote, as OWASP's
/// CSV-injection advice says, and imports take exactly that quote off again, so an export edited
/// and imported gives back the original text.
/// </summary>
public static class SpreadsheetText
{
    public const char Quote = '\'';

    /// <remarks>
    /// The quote itself is among them: a title that really starts with ' is exported as '' and
    /// imported as ', so taking one quote off on import never eats a character that was there.
    /// </remarks>
    private static readonly char[] Triggers = ['=', '+', '-', '@', '\t', '\r', Quote];

    public static string Neutralise(string text) =>
        text.Length > 0 && Triggers.Contains(text[0]) ? Quote + text : text;

    /// <summary>Undoes <see cref="Neutralise"/>: a quote followed by a trigger character loses the quote.</summary>
    public static string Restore(string text) =>
        text.Length > 1 && text[0] == Quote && Triggers.Contains(text[1]) ? text[1..] : text;

    /// <summary>A sheet's rows with every text cell neutralised; numbers and dates are left as they are.</summary>
    public static List<Dictionary<string, object?>> Neutralise(IEnumerable<Dictionary<string, object?>> rows) =>
        rows.Select(row => row.ToDictionary(cell => cell.Key, cell => cell.Value is string text ? Neutralise(text) : cell.Value)).ToList();
}
