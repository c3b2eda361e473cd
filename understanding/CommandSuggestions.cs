using System.Text.RegularExpressions;

namespace CampaignBot.Understanding;

/// <summary>Finds the command a mistyped message most likely meant (本州到期 → 本周到期, progres → progress).</summary>
public static partial class CommandSuggestions
{
    // The verb as typed, and whether it takes a task code after it.
    private static readonly (string Verb, bool TakesCode)[] Verbs =
    [
        ("帮助", false), ("今天到期", false), ("明天到期", false), ("本周到期", false), ("下周到期", false), ("本月到期", false),
        ("逾期", false), ("全部逾期", false), ("我的任务", false), ("本单位", false), ("进度", false), ("我是谁", false),
        ("详情", true), ("完成", true), ("重开", true), ("本群绑定", false), ("解除绑定", false), ("订阅我的提醒", false), ("取消订阅", false),
        ("help", false), ("due today", false), ("due tomorrow", false), ("due this week", false), ("due next week", false),
        ("due this month", false), ("overdue", false), ("all overdue", false), ("my tasks", false), ("my office", false),
        ("progress", false), ("whoami", false), ("detail", true), ("done", true), ("reopen", true), ("bind", false), ("unbind", false), ("subscribe", false), ("unsubscribe", false),
    ];

    public static string? Closest(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        if (t.Length == 0)
        {
            return null;
        }

        // "dne t017": a verb that takes a code is only guessed when a code follows it.
        var code = TrailingCode().Match(t);
        string? best = null;
        var bestScore = double.MaxValue;
        foreach (var (verb, takesCode) in Verbs)
        {
            if (takesCode && !code.Success)
            {
                continue;
            }

            var head = takesCode ? t[..code.Index].Trim() : t;
            var distance = Levenshtein(head, verb);

            // Short Chinese verbs tolerate one wrong character; longer ones about one in three.
            if (distance > Math.Max(1, Math.Min(3, verb.Length / 3)))
            {
                continue;
            }

            var score = (double)distance / verb.Length;
            if (score < bestScore)
            {
                bestScore = score;
                best = takesCode ? $"{verb} {code.Value.Trim()}" : verb;
            }
        }

        return best;
    }

    // A code as the reader knows it (so that what is suggested reads back as a command), or a list number.
    [GeneratedRegex(@"\s*" + TaskCodes.NotAfterAWord + "(?:" + TaskCodes.Pattern + @"|\d{1,5})$")]
    private static partial Regex TrailingCode();

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
