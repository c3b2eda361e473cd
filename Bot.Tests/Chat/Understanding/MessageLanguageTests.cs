using CampaignBot.Understanding.Commands;
using CampaignBot.Understanding;

namespace CampaignBot.Tests.Chat.Understanding;

/// <summary>
/// The language a message is in: it picks the reply's language, and the chat remembers it for what
/// the bot later sends unprompted. Codes, links and abbreviations are not words of any language, so
/// they leave the chat's language as it was (the default passed in).
/// </summary>
public class MessageLanguageTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);

    [Theory]
    [InlineData("DJ-01")]
    [InlineData("ZZB-03")]
    [InlineData("ABC12")]
    [InlineData("T014 PPT")]
    [InlineData("T014 https://pan.baidu.com/s/1AbcDef")]
    [InlineData("6/30")]
    public void CodesLinksAndAbbreviations_KeepTheChatsLanguage(string message)
    {
        Assert.Equal(ReplyLanguage.Chinese, MessageUnderstanding.Understand(message, Today, ReplyLanguage.Chinese, LedgerNames.Empty).Language);
        Assert.Equal(ReplyLanguage.English, MessageUnderstanding.Understand(message, Today, ReplyLanguage.English, LedgerNames.Empty).Language);
    }

    [Theory]
    [InlineData("detail DJ-01", ReplyLanguage.English)]
    [InlineData("what is due this week?", ReplyLanguage.English)]
    [InlineData("Done T014 see https://pan.baidu.com/s/1AbcDef", ReplyLanguage.English)]
    [InlineData("ZZB-03 详情", ReplyLanguage.Chinese)]
    [InlineData("T014 的 PPT 交了", ReplyLanguage.Chinese)]
    public void Words_SayTheLanguage_WhateverTheChatsWas(string message, ReplyLanguage expected)
    {
        Assert.Equal(expected, MessageUnderstanding.Understand(message, Today, ReplyLanguage.Chinese, LedgerNames.Empty).Language);
        Assert.Equal(expected, MessageUnderstanding.Understand(message, Today, ReplyLanguage.English, LedgerNames.Empty).Language);
    }
}
