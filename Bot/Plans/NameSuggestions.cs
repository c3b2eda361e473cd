namespace CampaignBot.Plans;

/// <summary>
/// The known names closest to a name the ledger does not know, so a typo in a plan (综合祖) is
/// answered with the name meant (综合组). Pure; edit distance over characters, which suits Chinese
/// names of two to ten characters as well as Latin ones.
/// </summary>
public static class NameSuggestions
{
    public const int MaxSuggestions = 3;

    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> known)
    {
        // One wrong character in three is a typo; more is another name.
        var allowed = Math.Max(1, name.Length / 3);
        return known.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(k => (Name: k, Distance: k.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(k, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(name, k)))
            .Where(k => k.Distance <= allowed)
            .OrderBy(k => k.Distance).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(k => k.Name)
            .ToList();
    }

    /// <summary>Levenshtein distance, case-insensitive.</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
