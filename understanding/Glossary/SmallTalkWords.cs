using CampaignBot.Understanding.Commands;

namespace CampaignBot.Understanding.Glossary;

/// <summary>
/// What people say to a colleague that asks for nothing: greetings, thanks, acknowledgements, wishes.
/// A message made only of these (and of the padding below, emoji and punctuation) is small talk.
/// </summary>
public static class SmallTalkWords
{
    public static readonly IReadOnlyList<(SmallTalkKind Kind, string[] Words)> Table =
    [
        (SmallTalkKind.Greeting, ["你好", "您好", "你们好", "大家好", "各位好", "早上好", "早安", "上午好", "中午好", "下午好", "晚上好", "晚安", "早", "在吗", "在不在", "在么", "哈喽", "嗨", "测试", "测试一下", "能收到吗", "收到吗", "test", "testing",
            "hello", "hi", "hey", "morning", "good morning", "good afternoon", "good evening", "evening", "afternoon", "anyone there", "are you there", "you there", "hi there", "hello there", "new here", "第一次用", "第一次用这个", "新来的", "👋", "i'm new", "im new", "i am new"]),
        (SmallTalkKind.Thanks, ["谢谢", "谢谢你", "谢谢您", "谢了", "谢啦", "多谢", "感谢", "感谢感谢", "辛苦了", "辛苦", "辛苦啦", "麻烦了", "有劳", "太好了", "真棒", "给力", "厉害",
            "thanks", "thank you", "thx", "ty", "cheers", "much appreciated", "appreciate it", "great", "awesome", "helpful", "that's helpful", "that helps", "nice", "perfect"]),
        (SmallTalkKind.Acknowledgement, ["收到", "好的", "好滴", "好嘞", "好哒", "明白", "明白了", "了解", "知道了", "晓得了", "行", "可以", "没问题", "嗯", "嗯嗯", "马上办", "这就办", "立刻办", "马上弄", "马上", "马上落实", "立即落实", "抓紧落实", "这就去弄", "我这就去弄", "这就去办", "我这就去办", "马上去办", "马上去弄", "这就去", "👍", "🙏", "💪", "收到收到", "on it", "哦", "噢", "ok", "okay", "好",
            "got it", "noted", "roger", "understood", "sure", "alright", "all right", "cool", "k", "will do", "that's all for now", "that's all", "all for now", "nothing else"]),
        (SmallTalkKind.Wishes, ["加油", "新年快乐", "元旦快乐", "节日快乐", "圣诞快乐", "春节快乐", "中秋快乐", "国庆快乐", "周末愉快", "周末快乐", "新年好", "过年好",
            "merry christmas", "happy new year", "happy holidays", "have a nice weekend", "have a good weekend", "happy weekend"]),
    ];

    /// <summary>What pads small talk without changing it: whom it is said to, and particles.</summary>
    public static readonly string[] Padding =
    [
        "各位", "大家", "小助手", "助手", "机器人", "同志们", "老师", "领导", "今天也", "今天", "也", "都", "啊", "呀", "哈", "哈哈", "哈哈哈", "啦", "了", "的", "们", "呢", "哦", "喔", "么么哒", "非常", "太", "真", "很", "一直",
        "everyone", "everybody", "all", "guys", "team", "folks", "bot", "so", "very", "much", "a lot", "lot", "a", "super", "you", "again", "really", "that's", "that", "is",
    ];
}
