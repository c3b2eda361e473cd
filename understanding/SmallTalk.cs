using CampaignBot.Understanding.Commands;
using CampaignBot.Understanding.Glossary;

namespace CampaignBot.Understanding;

/// <summary>
/// Greetings, thanks and acknowledgements (您好在吗, 辛苦了, ok 收到 thx): a message made only of
/// those, padding, names, emoji and punctuation. Asked only when nothing else was understood.
/// </summary>
public static class SmallTalk
{
    private static readonly PhraseScanner<SmallTalkKind?> Scanner = new(
        SmallTalkWords.Table.SelectMany(row => row.Words.Select(w => (w, (SmallTalkKind?)row.Kind)))
            .Concat(SmallTalkWords.Padding.Select(w => (w, (SmallTalkKind?)null))));

    public static SmallTalkCommand? Read(Findings f)
    {
        if (f.Codes.Count > 0 || f.Url is not null || f.Number is not null)
        {
            return null;
        }

        var explained = new bool[f.Text.Length];
        foreach (var name in new[] { f.Person, f.Office }.OfType<PhraseHit<KnownName>>())
        {
            Array.Fill(explained, true, name.Start, name.Length);
        }

        var kinds = new List<SmallTalkKind>();
        foreach (var hit in Scanner.Scan(f.Text, explained))
        {
            Array.Fill(explained, true, hit.Start, hit.Length);
            if (hit.Value is { } kind)
            {
                kinds.Add(kind);
            }
        }

        for (var i = 0; i < f.Text.Length; i++)
        {
            // 今天也加油: today, said in passing; a holiday in a wish (圣诞快乐) is read by the wish itself.
            if (!explained[i] && char.IsLetterOrDigit(f.Text[i]) && !(f.Date is { Words: "今天" or "today" } d && i >= d.Start && i < d.End))
            {
                return null;
            }
        }

        // Thanks and wishes say more than a greeting, a greeting more than "ok".
        SmallTalkKind[] order = [SmallTalkKind.Thanks, SmallTalkKind.Wishes, SmallTalkKind.Greeting, SmallTalkKind.Acknowledgement];
        return kinds.Count == 0 ? null : new SmallTalkCommand(order.First(kinds.Contains), f.Language);
    }
}
