namespace CampaignBot.Understanding.Glossary;

/// <summary>
/// The words the second reading (<see cref="StatementCheck"/>) looks for around a change: what makes
/// a sentence something other than a plain report or order. Kept apart from <see cref="CueWords"/>
/// on purpose: the two readings must not share one blind spot, so a word missing here and there is
/// caught by the other.
/// </summary>
public static class SpeechMarkers
{
    /// <summary>Ends a clause. A full stop only counts before a space or at the end (not in 1.2 or a link).</summary>
    public static readonly char[] ClauseEnds = ['，', ',', '。', '；', ';', '！', '!', '？', '?', '\n', '：', ':', '~', '～'];

    public static readonly string[] ClauseJoiners = ["但是", "不过", "可是", "然后", "所以", " but ", " so ", " then ", " and then "];

    /// <summary>Check words used as nouns, which ask nothing: 核查报告交了, the checklist is done.</summary>
    public static readonly string[] NotCheckRequest = ["核查报告", "核查表", "核查结果", "核查情况", "核查清单", "核查工作", "核对表", "自查报告", "checklist", "check-in", "check in"];

    /// <summary>Someone else's words: 听说, 李明说, apparently.</summary>
    public static readonly string[] Hearsay =
    [
        "听说", "据说", "听讲", "提议", "有人建议", "有人说", "有人提", "有人问", "听人说", "说是", "据称", "据反映", "反映", "转告", "传话", "通报说", "群里说", "好像", "似乎", "貌似", "据悉", "提到", "告诉我", "跟我说", "讲", "以为", "还以为", "觉得", "感觉", "大概", "大约", "那边", "转发", "转自", "让我", "叫我", "要我",
        "said", "says", "say", "proposed", "suggested", "someone", "told me", "tells me", "heard", "hear", "apparently", "reportedly", "according to", "supposedly", "seems", "seem", "rumour", "rumor", "i think", "i guess", "maybe", "probably", "i believe", "i feel", "was told", "told to", "asked me to", "wants me to",
    ];

    /// <summary>说 alone reports someone's words unless it is part of another word (说明, 小说) or the writer's own (我说).</summary>
    public static readonly string[] NotReportingSay = ["说明", "说法", "小说", "说服", "说一下", "说下", "我说", "再说", "说实话", "话说", "跟我说", "告诉我说",
        "汇报一下", "特此汇报", "现汇报", "汇报如下", "我汇报", "向领导汇报", "反馈一下", "我反馈", "特此反馈", "称号", "名称", "简称", "称为", "表示感谢"];

    /// <summary>Verbs that report someone's words: 说, 反馈, 汇报, 称, 表示 (unless the writer's own: 我汇报, 特此汇报).</summary>
    public static readonly string[] ReportingVerbs = ["说", "反馈", "汇报", "称", "表示"];

    /// <summary>A line that opens with someone's name and a colon (张伟：T017完成了) quotes them, unless it opens with one of these.</summary>
    public static readonly string[] OwnOpeners = ["报告", "汇报", "通知", "提醒", "更新", "进展", "说明", "各位", "领导", "各位领导", "大家", "注意", "补充", "情况", "备注", "回复", "反馈"];

    /// <summary>Asks for a check, not a change: 核实一下, can you check.</summary>
    public static readonly string[] CheckRequest =
    [
        "核实", "核对", "核查", "确认一下", "确认下", "确认是否", "帮忙确认", "请确认", "查一下是不是", "看看是不是", "看下是不是", "看一下是不是", "是否属实", "是不是真的", "真的吗", "对吗", "对不对", "是吗",
        "verify", "check", "confirm", "double-check", "double check", "make sure", "see if", "is that right", "is that true", "true?",
    ];

    /// <summary>Makes what follows a condition: 如果 T023 搞定了, once it is done.</summary>
    public static readonly string[] ConditionBefore =
    [
        "如果", "要是", "假如", "假设", "若是", "若", "万一", "一旦", "只要", "等到", "等", "待", "倘若", "就算", "才算", "确认后", "审核后", "通过后", "之后就",
        "if", "once", "when", "whenever", "in case", "unless", "as soon as", "after",
    ];

    /// <summary>Makes the clause a condition when it follows the change word: done after the post goes out.</summary>
    public static readonly string[] ConditionFollowing = ["after", "once", "when", "if", "as soon as", "unless"];

    /// <summary>Right after the change word, makes it a condition: 完成时请上传照片, 完成后再报.</summary>
    public static readonly string[] ConditionRightAfter = ["的时候", "之时", "后就", "后再", "后请", "以后再"];

    /// <summary>Makes what comes before a condition: …就告诉我, …的话, let me know.</summary>
    public static readonly string[] ConditionAfter =
    [
        "的话", "就跟我说", "就告诉我", "就通知我", "就说", "跟我说", "告诉我", "通知我", "说一声", "说下", "再说", "之后再", "以后再", "再提醒", "就提醒",
        "let me know", "tell me", "ping me", "notify me", "再定", "待定", "再议", "等领导", "等主任", "等刘主任", "等他", "等她", "等审核", "待审核", "等审批", "待审", "等确认", "待确认",
    ];

    /// <summary>A question inside the clause: 吗, 什么, 多久, 是否, is it.</summary>
    public static readonly string[] QuestionWords =
    [
        "什么", "啥", "多久", "多少", "几时", "何时", "哪", "谁", "怎么", "怎样", "如何", "为啥", "为什么", "是否", "有没有", "是不是", "能不能", "可不可以", "要不要", "会不会", "行不行", "好不好", "了没", "没有?", "完没",
    ];

    /// <summary>Closes a question: T017 完成了吗, 完成了没, 好了吧.</summary>
    public static readonly string[] QuestionEnds = ["吗", "么", "嘛", "呢", "没", "没有", "没呢", "了没", "未", "否", "吧", "不", "木有", "伐", "咩", "啵"];

    public static readonly string[] EnglishQuestionOpeners =
        ["is", "are", "was", "were", "did", "does", "do", "has", "have", "had", "can", "could", "will", "would", "should", "shall", "may", "might", "what", "when", "who", "which", "how", "why", "whether", "isn't", "hasn't", "didn't", "any"];

    /// <summary>Denies what follows: 没完成, 无法办结, can't finish.</summary>
    public static readonly string[] NegationBefore =
    [
        "不", "没", "没有", "未", "别", "不要", "不用", "无法", "难以", "不能", "不会", "还没", "尚未", "并未", "从未", "未能", "没能", "不可能", "来不及", "赶不上", "做不到",
        "not", "n't", "never", "no", "neither", "nor", "cannot", "can't", "won't", "unable", "fail to", "failed to", "couldn't", "wouldn't", "don't", "didn't", "haven't", "hasn't", "isn't", "aren't", "wasn't", "behind on",
    ];

    /// <summary>Words with 不 or 没 that deny nothing.</summary>
    public static readonly string[] NotNegations = ["不错", "不好意思", "不过", "差不多", "不少", "不久", "不仅", "不但", "没问题", "没事", "不客气", "少不了", "不断", "no problem", "not only", "no worries", "no doubt"];

    /// <summary>Denies what comes before: 完成不了, 办不完.</summary>
    public static readonly string[] NegationAfter = ["不了", "不完", "不成", "不到", "不好", "不下来"];

    /// <summary>Judged against, anywhere after the change word in its clause: 转给综合组不合适.</summary>
    public static readonly string[] JudgedAgainst = ["不合适", "不行", "不妥", "不太好", "不太合适", "不可以", "不应该"];

    /// <summary>Right after a remind word, whom it is for when not the writer: 提醒你一下, 提醒大家, remind everyone.</summary>
    public static readonly string[] OthersReminded = ["你", "您", "大家", "各位", "他", "她", "他们", "她们", "下大家", "一下大家", "一下你", "you", "everyone", "everybody", "them", "him", "her", "the team"];

    /// <summary>Opening the clause after a report, what is still to do: 还差两家, 剩下的下周, 还有四家, the rest next week.</summary>
    public static readonly string[] StillToDo = ["还差", "还剩", "剩下", "剩余", "其余", "其他的还", "还没", "尚未", "尚有", "still", "remaining", "the rest", "the others"];

    /// <summary>The writer's opinion against the change, anywhere after it: …，我觉得不太合适, I don't think so.</summary>
    public static readonly string[] OpinionAgainst =
        ["觉得不太合适", "觉得不合适", "觉得不妥", "觉得不行", "觉得没必要", "看不太合适", "不太合适吧", "不合适吧", "没必要吧", "i don't think so", "not a good idea", "bad idea"];

    /// <summary>Someone's consent reported (领导同意T017延期): not the writer's request.</summary>
    public static readonly string[] ConsentReported = ["同意", "批准了", "批了", "答应"];

    /// <summary>Hoped, planned or about to be, not done: 快完成了, 准备完成, will be done.</summary>
    public static readonly string[] IntentionBefore =
    [
        "要", "会", "将", "将要", "准备", "提醒", "催", "催促", "打算", "计划", "争取", "预计", "估计", "应该", "应当", "得", "需要", "需", "想", "快", "快要", "即将", "马上", "尽快", "正在", "能", "可以", "可能", "力争", "希望", "等会", "一会", "倾向", "倾向于", "考虑", "拟", "确保", "务必", "必须", "要求", "本该", "理应", "早该", "督促", "抓紧", "限期", "按时", "按期", "保证", "一定要", "建议", "以后", "下午", "今晚", "晚上", "晚点", "明早", "待会", "稍后",
        "明天", "后天", "下周", "下星期", "下个月", "月底前", "周末前", "年底前", "过几天", "回头",
        "will", "'ll", "going to", "gonna", "plan to", "planning to", "have to", "has to", "had to", "supposed to", "hard to", "difficult to", "tonight", "this afternoon", "this evening", "should", "need to", "needs to", "have to", "has to", "must", "about to", "almost", "nearly", "try to", "hope", "expect", "expected", "want to", "would like to", "soon", "tomorrow", "next week", "later", "can", "could", "might", "may",
    ];

    /// <summary>Words holding a one-character modal (会, 要, 能, 得, 想, 快, 将, 需) without its meaning: 恳谈会, 纪要, 能力.</summary>
    public static readonly string[] NotModal =
    [
        "会议", "开会", "大会", "例会", "座谈会", "恳谈会", "推进会", "调度会", "培训会", "交流会", "动员会", "现场会", "发布会", "研讨会", "总结会", "部署会", "常委会",
        "委员会", "工作会", "办公会", "学会", "社会", "机会", "工会", "协会", "三会一课", "纪要", "重要", "主要", "要点", "摘要", "需要的", "能力", "功能", "获得", "取得",
        "思想", "理想", "快递", "将近", "记得", "觉得", "值得",
    ];

    /// <summary>Right before the change word, "about to" even with 了 after it: 快完成了, 就要办完了.</summary>
    public static readonly string[] Imminent = ["快", "快要", "就要", "马上就", "马上要", "即将", "差不多", "基本", "该", "早该", "本该", "应该", "almost", "nearly", "about to"];

    /// <summary>Said of the past: 已经, 已, 刚, done already. An intention word is only an intention without one.</summary>
    public static readonly string[] Perfective = ["已经", "已", "刚刚", "刚", "终于", "总算", "already", "just", "finally", "have been", "has been", "'ve been", "have finished", "has finished"];

    /// <summary>A change word used as a noun or a modifier: 完成时限, 完成情况, 延期申请的规定.</summary>
    public static readonly string[] NounAfterChange =
    [
        "时限", "时间", "日期", "期限", "情况", "率", "度", "进度", "标准", "要求", "节点", "质量", "效果", "比例", "数量", "规定", "流程", "手续", "条件", "截止",
        "方案", "报告", "计划", "目标", "时间表",
        " date", " deadline", " rate", " status", " criteria", " policy", " process", " rules",
    ];

    /// <summary>An order to the bot: 标记 T017 完成. After a wish (我要标记 T017 完成) it is still an order; after a plan (准备申请) it is not.</summary>
    public static readonly string[] Instruction = ["标记", "标为", "设为", "设置为", "记为", "帮我", "请把", "麻烦", "please"];

    /// <summary>Wanting: before an order (我要标记) or a change that is itself a request (想延期, want to push it back) it asks now.</summary>
    public static readonly string[] Wish = ["要", "想", "想要", "希望", "want to", "would like to", "'d like to", "need to", "needs to"];

    /// <summary>Only part done: 完成80%, 完成了一半, mostly done.</summary>
    /// <summary>All of it: 100%完成 is done, not partly.</summary>
    public static readonly string[] Whole = ["100%", "100％", "百分百", "百分之百", "全部", "全都"];

    public static readonly string[] Partial = ["%", "％", "百分之", "分之", "一半", "大半", "大部分", "部分", "八成", "九成", "七成", "六成", "基本", "差不多", "初步", "只", "阶段", "初稿", "草稿", "有的",
        "mostly", "partly", "partially", "half", "percent", "draft", "first stage", "phase", "some of"];

    /// <summary>A thing of the task, not the task, before the change word: T017 材料转给综合组, T017 的材料完成了.</summary>
    public static readonly string[] PartOfTask = ["材料", "文件", "报告", "照片", "资料", "表格", "方案", "稿子", "初稿", "草稿", "数据", "名单"];

    /// <summary>Handed to someone to do something with it, not handed over: 转给综合组审核一下, 交给综合组盖章.</summary>
    public static readonly string[] ForSomething = ["审核", "盖章", "看看", "看一下", "看下", "签字", "把关", "过目", "审阅", "核对", "会签", "用印", "审批", "批示", "参考", "确认", "修改", "review", "sign", "check"];

    /// <summary>A clause after the change that takes part of it back: 完成了，但是照片还没拍.</summary>
    public static readonly string[] ButWords = ["但是", "但", "不过", "可是", "只是", "but", "however", "except"];

    /// <summary>Right after the change word, what follows the change: 弄完再报, 完成就发, 办完之后.</summary>
    public static readonly string[] ThenAfter = ["再", "就", "之后", "以后", "后再", "了再", "了就", "了之后"];

    /// <summary>Asks for approval now, after a proposal (拟将…顺延至…，请…予以审批): the request is made.</summary>
    public static readonly string[] AskApproval = ["请审批", "予以审批", "请批准", "请予批准", "报请审批", "请领导审批", "审批为盼", "please approve"];

    /// <summary>Quotation marks: what stands between them is quoted.</summary>
    public static readonly (char Open, char Close)[] Quotes = [('“', '”'), ('「', '」'), ('『', '』'), ('"', '"'), ('《', '》'), ('‘', '’')];
}
