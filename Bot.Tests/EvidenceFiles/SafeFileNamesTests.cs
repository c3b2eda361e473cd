using CampaignBot.EvidenceFiles;

namespace CampaignBot.Tests.EvidenceFiles;

/// <summary>Names in the binder that Windows and macOS archive tools accept, whatever people typed.</summary>
public class SafeFileNamesTests
{
    [Theory]
    [InlineData("T017 安全/卫生检查", "T017 安全_卫生检查")]
    [InlineData("..\\..\\etc\\passwd", "_.._etc_passwd")]
    [InlineData("现场:1.png", "现场_1.png")]
    [InlineData("CON", "_CON")]
    [InlineData("con.tar.gz", "_con.tar.gz")]
    [InlineData("COM9.txt", "_COM9.txt")]
    [InlineData("LPT¹", "_LPT¹")]
    [InlineData("报告. ", "报告")]
    [InlineData("..", "附件")]
    [InlineData("", "附件")]
    public void Clean_GivesANameEveryToolAccepts(string name, string expected) =>
        Assert.Equal(expected, SafeFileNames.Clean(name, "附件"));

    [Fact]
    public void Clean_KeepsLongNamesWithinTheLimit_WithTheirExtension_AndWholeCharacters()
    {
        var cleaned = SafeFileNames.Clean(string.Concat(Enumerable.Repeat("😀测", 100)) + ".jpg", "附件");

        Assert.EndsWith(".jpg", cleaned);
        Assert.True(new System.Globalization.StringInfo(cleaned).LengthInTextElements <= 80);
        Assert.False(char.IsHighSurrogate(cleaned[^5]));
    }

    [Fact]
    public void Unique_NumbersRepeats_IgnoringCase()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(["a.png", "A (2).png", "a (3).png"], new[] { "a.png", "A.png", "a.png" }.Select(n => SafeFileNames.Unique(n, taken)).ToArray());
    }
}
