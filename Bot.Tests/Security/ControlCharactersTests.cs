using CampaignBot.Security;

namespace CampaignBot.Tests.Security;

/// <summary>Issue 25: "\x1b[2J\x1b[31mFAKE ALERT" typed in chat cleared and coloured the operator's terminal.</summary>
public class ControlCharactersTests
{
    [Theory]
    [InlineData("\u001b[2J\u001b[31mFAKE ALERT", "FAKE ALERT")]
    [InlineData("ok\u001b]0;pwned\u0007 done", "ok done")]
    [InlineData("ok\u001b]8;;http://evil.example\u001b\\link\u001b]8;;\u001b\\", "oklink")]
    [InlineData("a\u009b31mb", "ab")]
    [InlineData("a\u0000b\u0007c\u0008d\u007fe\u0085f", "abcdef")]
    [InlineData("invoice\u202Egpj.exe", "invoicegpj.exe")]
    [InlineData("a\u2066b\u2069c", "abc")]
    [InlineData("line one\r\nline two\rthree", "line one\nline two\nthree")]
    [InlineData("tab\tand\nline", "tab\tand\nline")]
    [InlineData("\u001b", "")]
    [InlineData("end\u001b[", "end")]
    public void Strip_RemovesSequencesAndControls_KeepsTabsAndLines(string text, string expected) =>
        Assert.Equal(expected, ControlCharacters.Strip(text));

    [Fact]
    public void OneLine_TurnsLineBreaksIntoSpaces_SoNoValueForgesALogLine() =>
        Assert.Equal("photo.jpg INFO forged line", ControlCharacters.OneLine("photo.jpg\r\nINFO forged\u001b[1K\tline"));

    [Theory]
    [InlineData("完成 T017，已上传照片")]
    [InlineData("Done with T017 — thanks! 😀")]
    [InlineData("")]
    public void TextWithoutControls_IsTheSameString(string text) => Assert.Same(text, ControlCharacters.Strip(text));

    [Fact]
    public void EveryOperatorVerbsOutput_PassesWithoutEscapes_ButWithItsOwnLines()
    {
        var written = new StringWriter { NewLine = "\n" };
        var output = new CampaignBot.Operator.TerminalSafeWriter(written);

        output.WriteLine("  3  没读懂  \u001b[2J\u001b[31mFAKE ALERT");
        output.Write('\u001b');
        output.Write("next\r\n");

        Assert.Equal("  3  没读懂  FAKE ALERT\nnext\n", written.ToString());
    }
}
