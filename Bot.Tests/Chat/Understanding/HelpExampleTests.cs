using CampaignBot.Chat.Parsing;
using CampaignBot.Chat.Replies;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>The help text leads with natural phrasings; each one it shows must be understood.</summary>
public class HelpExampleTests
{
    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var help in new[] { ChineseTexts.Instance.Help, EnglishTexts.Instance.Help })
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
