namespace CampaignBot.Chat.Understanding.Glossary;

/// <summary>
/// Words that make a message polite or chatty but say nothing the bot needs: they are read and set
/// aside. A message made only of these and of things found (a code, a date) is fully understood.
/// </summary>
public static class Fillers
{
    public static readonly string[] Words =
    [
        "请", "请问", "帮我", "帮忙", "麻烦", "麻烦你", "看看", "看一下", "看下", "查一下", "查查", "查", "一下", "吧", "呢", "啊", "呀", "哈", "了", "的", "嘛", "哦", "喔",
        "谢谢", "您好", "你好", "领导", "报告", "还", "都", "已经", "已", "把", "这项", "这个", "一共", "目前", "现在", "发我", "我", "我们", "有", "是", "在",
        "please", "pls", "can you", "could you", "would you", "kindly", "me", "the", "a", "an", "of", "for", "to", "on", "in", "at", "it", "any", "anything", "we", "i", "i've", "our", "us", "thanks",
    ];
}
