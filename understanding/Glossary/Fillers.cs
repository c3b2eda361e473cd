namespace CampaignBot.Understanding.Glossary;

/// <summary>
/// Words that make a message polite or chatty but say nothing the bot needs: they are read and set
/// aside. A message made only of these and of things found (a code, a date) is fully understood.
/// </summary>
public static class Fillers
{
    public static readonly string[] Words =
    [
        "请", "请问", "帮我", "帮忙", "麻烦", "麻烦你", "看看", "看一下", "看下", "查一下", "查查", "查", "一下", "吧", "呢", "啊", "呀", "哈", "了", "的", "哦", "喔",
        "谢谢", "您好", "你好", "领导", "报告", "还", "都", "已经", "已", "把", "这项", "这个", "一共", "目前", "现在", "发我", "我", "我们", "有", "是", "在",
        "please", "pls", "can you", "could you", "would you", "kindly", "me", "the", "a", "an", "of", "for", "to", "on", "in", "at", "it", "any", "anything", "we", "i", "i've", "our", "us", "thanks",
    ];

    /// <summary>
    /// Words that hold a cue's character but not its meaning: 活动 is not 活 (work), 理由 not 由
    /// (hand over to), 三会一课 and 开会 not 会 (will). Being longer, they win at their place.
    /// Found by checking the scanner's hits against jieba.NET's word boundaries (docs/understanding.md).
    /// </summary>
    public static readonly string[] NeutralWords =
    [
        "活动", "生活", "理由", "由于", "自由", "三会一课", "开会", "会议", "会上", "恳谈会", "座谈会", "大会", "例会", "晚会", "协会", "工会", "社会", "宣讲会", "推进会", "调度会", "培训会", "交流会", "动员会", "现场会", "茶话会", "联欢会", "全会", "常委会", "党委会", "办公会", "碰头会", "研讨会", "发布会", "见面会", "评审会", "听证会", "论证会", "部署会", "总结会", "机会", "学会", "委员会", "工作会", "能力", "要点", "重要", "主要", "纪要", "摘要", "概要", "提要", "要件", "非接触", "非现场", "非物质",
    ];
}
