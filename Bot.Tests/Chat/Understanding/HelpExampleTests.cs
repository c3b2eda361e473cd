using CampaignBot.Understanding.Commands;
using CampaignBot.Chat.Replies;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>The help text leads with natural phrasings; each one it shows must be understood.</summary>
public class HelpExampleTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        // The help's examples name the ledger's own offices and people: here the sample's.
        var words = LedgerWords.From(
            Corpus.SampleOffices,
            CampaignBot.Seeding.SampleCampaign.People.Select(p => new CampaignBot.Ledger.Person { Name = p.Name, OfficeName = p.Office }));
        foreach (var help in new[] { ChineseTexts.Instance.With(words).Help, EnglishTexts.Instance.With(words).Help })
        {
            foreach (var line in help.Split('\n').Where(l => l.TrimStart().StartsWith('·')))
            {
                foreach (var example in line.TrimStart(' ', '·').Split(" / "))
                {
                    var text = example.Split('（')[0].Split(" (")[0].Replace("…", "场地未落实").Trim();
                    data.Add(text);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void HelpExample_IsUnderstood(string example)
    {
        var command = Corpus.Understand(example);

        Assert.IsNotType<UnknownCommand>(command);
        Assert.IsNotType<ClarifyCommand>(command);
        Assert.IsNotType<InvalidCommand>(command);
    }
}
