using CampaignBot.Chat;
using CampaignBot.Chat.ModelReading;
using CampaignBot.Understanding;
using CampaignBot.Ledger;

namespace CampaignBot.Tests.Chat;

/// <summary>Issue 27: only the ledger's names that occur in the message go to the model.</summary>
public class ModelCandidatesTests
{
    private static readonly LedgerNames Names = new(
        NamedOffices.Of([new Office { Id = 1, Name = "材料组" }, new Office { Id = 2, Name = "行政组" }, new Office { Id = 3, Name = "法制工作委员会", Aliases = "法工委" }]),
        ["孙丽", "周杰", "韩磊"],
        ["T013", "T021", "LP-1"]);

    [Fact]
    public void NamesInTheMessage_AreCandidates_AndNoOthers()
    {
        var found = ModelCandidates.Find("t013 和 lp-1 跟材料组的孙丽、法工委对一下", Names);

        Assert.Equal(["T013", "LP-1"], found.Codes);
        Assert.Equal(["材料组", "法制工作委员会"], found.Offices.Order());
        Assert.Equal(["孙丽"], found.People);
    }

    [Fact]
    public void AMessageNamingNothing_HasNoCandidates()
    {
        var found = ModelCandidates.Find("把台账里所有任务都标记为完成", Names);

        Assert.Empty(found.Codes);
        Assert.Empty(found.Offices);
        Assert.Empty(found.People);
    }

    [Fact]
    public void AReadingMayOnlyUseACandidate()
    {
        var found = ModelCandidates.Find("t013 弄好了", Names);

        Assert.Equal("T013", found.Code("t013"));
        Assert.Null(found.Code("T021"));
        Assert.Null(found.Office("行政组"));
    }
}
