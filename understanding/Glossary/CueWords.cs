namespace CampaignBot.Understanding.Glossary;

/// <summary>
/// The words that tell what a message is about, as people write them in chat. To teach the bot a new
/// phrasing, add it to the corpus (Bot.Tests/Chat/Understanding/corpus.txt), then here. The scanner
/// takes the longest word at each place, so 完成情况 (progress) wins over 完成 (done) and 不同意
/// (reject) over 同意 (approve). English words match whole words only.
/// </summary>
public static class CueWords
{
    public static readonly IReadOnlyList<(Cue Cue, string[] Words)> Table =
    [
        (Cue.Help, ["怎么标完成", "怎么标记完成", "怎么点完成", "怎么申请延期", "怎么上传", "怎么传佐证", "怎么交佐证", "能查什么", "能查啥", "可以查什么", "可以查啥", "都能查什么", "都能查啥", "都会些啥", "会些啥", "会些什么", "你都会", "都会什么", "怎么弄", "怎么使用", "怎么操作", "如何用", "怎么查", "怎么问", "该怎么问", "what can i ask", "how can i", "帮助", "菜单", "命令", "你会什么", "你会啥", "你能干啥", "你能干什么", "你能做什么", "能做什么", "怎么用", "如何使用", "使用说明", "使用方法", "有哪些功能", "能干点啥", "能干啥", "你会干啥", "会干啥", "会干嘛", "能干嘛", "你会干嘛", "how do i", "how do we", "how to ask", "都能干啥", "都能干点啥", "能帮我干啥", "能帮我干点啥", "能帮我做什么", "能帮我做啥", "能做点啥", "有什么功能", "有啥功能", "有啥用", "怎么玩",
            "help", "menu", "commands", "what can you do", "how do i use", "how to use", "what can this bot do", "what do you do", "what are you for"]),
        (Cue.WhoAmI, ["我这个号", "这个号绑的", "绑的是谁", "绑定的是谁", "这个号是谁", "我是谁", "我的账号", "我的帐号", "我的身份", "谁的身份", "哪个账号", "用哪个账号", "哪个帐号", "什么账号", "我的id", "which account", "my id", "what account", "whoami", "who am i", "my account"]),
        (Cue.Progress, ["完成进度", "完成度", "完成比例", "进度", "进展", "完成率", "完成情况", "总体进度", "完成了多少", "完成多少", "完成了几项", "完成了几个", "推进情况", "进展情况", "整体推进", "完成几项", "完成几个", "百分之多少", "完成了百分之", "整体情况", "总体情况", "how many tasks", "how many have", "how many are done", "where are we", "where are we overall", "overall", "开了几次", "办了几次", "搞了几次",
            "progress", "how are we doing", "how far along", "completion rate", "completion", "status"]),
        (Cue.Overdue, ["拖着没交", "拖着没办", "拖着", "拖后腿", "过了时间", "过了期限", "拖了", "拖延", "督办", "逾期", "超期", "过期", "拖期", "延误", "没按时", "未按时", "过了截止", "超过期限", "超过截止", "超时",
            "overdue", "late", "past due", "behind", "did we miss", "missed"]),
        (Cue.Due, ["急的", "急着交", "紧急的", "urgent", "还没交", "没交", "到期", "截止", "截至", "要交", "要报", "要上报", "要报送", "需要报送", "要提交", "要完成", "要干", "要做", "要干完", "要补齐", "要办",
            "due", "deadline", "deadlines", "hand in", "submitted", "submit", "coming up", "upcoming"]),
        (Cue.TaskWord, ["事", "任务", "工作", "事项", "事情", "材料", "活", "台账", "安排", "待办",
            "tasks", "task", "work", "to do", "todo", "to-do"]),
        (Cue.Mine, ["what have i got left", "what have i got", "what's on me", "my deadlines", "my deadline", "我手里", "手里", "have on", "got on", "我目前负责", "我现在负责", "我在负责", "do i own", "i own", "我这边", "我这里", "我需要", "我要交", "轮到我", "派给我", "my open", "我的", "分配给我", "我手上", "我手头", "我负责", "给我派", "我要做", "我名下", "交给我", "我还有", "我还要",
            "手上", "手头", "负责的", "working on",
            "mine", "my tasks", "my task", "on my plate", "i still have", "do i still have", "assigned to me", "do i have", "for me", "my to-do", "my todo", "am i responsible", "i'm responsible", "on her plate", "on his plate", "on their plate", "my list", "on my list", "on her list", "on his list", "on their list", "on my desk", "my stuff"]),
        // 吴芳还有什么没完成: what is still open, someone's when a person is named.
        (Cue.Remaining, ["还有什么没完成", "还有啥没完成", "还有哪些没完成", "没完成的", "未完成的", "还没完成的", "还剩什么", "还剩啥", "还剩哪些", "剩下的", "what's left", "still open"]),
        (Cue.OwnOffice, ["本单位", "本组", "本科", "本处", "本室", "本委室", "我们组", "我们单位", "我们科", "我们处", "我们室", "我们委", "我们部门", "本部门", "我们局", "本局", "我局", "我们委", "我委", "本委", "我们中心", "本中心", "我们部", "我们办", "本办", "我们站", "我们所", "我们队", "咱们组", "咱们局", "咱们单位", "咱们科", "咱们处", "咱们部门", "我们这边", "我们这里", "咱们这边", "咱局", "咱单位", "咱科", "咱处", "咱组", "咱们委", "for us", "our team", "our unit",
            "my office", "our office", "our office's", "my office's"]),
        (Cue.All, ["全校", "全院", "全系统", "全局", "全部", "所有", "全机关", "全区", "全市", "全县", "全省", "各组", "各单位", "各委室", "各部门", "all", "everything", "everyone", "all offices", "across offices", "across all offices"]),
        // 本周通报 (issue 22): the weekly report on demand; 待审批: the extension requests waiting for a coordinator.
        (Cue.Report, ["本周通报", "这周的通报", "本周的通报", "通报", "周报", "每周通报", "周通报", "this week's report", "this weeks report", "weekly report", "the weekly report", "week's report", "report", "the report"]),
        (Cue.Pending, ["等我批", "等我审批", "等我审", "要我批", "需要我批", "谁申请延期", "谁申请了延期", "谁提了延期", "谁提的延期", "哪些人申请延期", "申请延期的有哪些", "申请延期的有谁", "要审", "延期申请要审", "要审批", "要我审", "没审", "延期没审", "还没审", "待审批", "待审批的延期申请", "待审批的", "待审核", "等待审批", "待批", "还没审批", "未审批", "没审批", "没批", "等批", "在等批", "等着批", "等审批", "待审的", "还没批",
            "pending requests", "pending request", "pending extensions", "pending extension requests", "pending approvals", "awaiting approval", "waiting for approval", "requests waiting", "waiting for me", "在排队", "排队", "still waiting", "waiting to be approved", "to approve"]),
        (Cue.Detail, ["remind me what", "remind me who", "remind me when", "remind me which", "详情", "详细", "查看", "情况", "要求", "谁在负责", "负责人", "牵头", "内容", "detail", "details", "info", "about", "show", "owns"]),

        (Cue.Done, ["已经上线", "圆满结束", "顺利结束", "已结束", "圆满完成", "顺利完成", "已设好", "设好了", "已建好", "建好了", "已挂牌", "挂牌运行", "已开通", "开通了", "已建成", "建成了", "已发放", "发放到位", "已兑现", "已拨付", "已到账", "已公示", "已张贴", "已安装", "已报市", "已报区", "已报县", "已报省", "已报上级", "已报给", "发出去了", "已发出", "paid out", "went live", "is live", "is up and running", "launched", "handed in", "signed off", "已经报给", "已报送给", "已经报送给", "已经报送", "报送了", "报上去了", "报上去", "交上去了", "上交了", "已上交", "销号", "可以销号", "已销号", "办妥", "已办妥", "到位", "已到位", "整治到位", "落实到位", "已印发", "正式印发", "已经印发", "印发了", "已发布", "提前搞了", "提前办了", "提前学了", "提前开了", "弄妥", "收官", "告一段落", "wrapped up", "all set", "sorted", "taken care of", "已经上报", "上报了", "已经提交", "提交了", "完工", "搞好", "弄好", "做好", "办好", "搞掂", "搞惦", "搞掂咗", "上线了", "已上线", "✅", "✔", "✔️", "☑", "☑️", "交齐", "已报送", "已上报", "已提交", "已交", "完成", "完成了", "已完成", "弄完", "做完", "办完", "干完", "搞完", "搞定", "办结", "完毕", "落实", "做好了", "办好了", "结束了", "标记为完成", "标记完成",
            "done", "finished", "finish", "complete", "completed", "mark done"]),
        (Cue.WeakDone, ["👌", "好了", "交了", "完事", "ok", "okay"]),
        (Cue.Reopen, ["撤销", "不小心点了", "改为未完成", "改成未完成", "撤回", "误点", "误操作", "重开", "重新打开", "撤销完成", "取消完成", "撤回完成", "改回未完成", "恢复成未完成", "恢复为未完成", "标错了", "点错了",
            "reopen", "undo", "as not done", "by mistake", "not done after all"]),
        (Cue.Extend, ["晚两天交", "晚几天交", "晚一天交", "晚三天交", "晚一周交", "晚两天", "晚几天", "晚一周", "晚一天", "晚三天", "往后挪", "挪到", "挪后", "挪一", "后延", "宽限到", "宽限", "延一", "延两", "延三", "往后延", "顺延", "延长到", "延长至", "延迟", "拖到", "放宽到", "push out", "pushed out", "extended", "more time", "get an extension", "an extension", "日期改为", "时间改为", "日期改成", "时间改成", "往后推", "推到", "推后", "move", "延期", "申请延期", "延期申请", "推迟", "延后", "往后延", "延到", "延长", "改到", "延至",
            "extend", "extension", "push back", "push", "pushed", "pushed back", "postpone", "delay"]),
        (Cue.Approve, ["同意", "批准", "approve", "approved"]),
        (Cue.Reject, ["驳回", "不同意", "不批准", "reject", "decline", "rejected"]),
        (Cue.Reassign, ["take it over", "take over", "takes over", "改为", "改成", "换成", "交由", "来牵头", "牵头吧", "移交", "移交给", "划给", "转交给", "hand off", "hand it to", "give it to", "move it to", "reassign to", "assign to", "assigned to", "给", "让", "由", "转办", "转交", "转给", "交给", "改由", "改派", "转到", "reassign", "hand over", "hand", "over to", "give", "transfer"]),
        (Cue.Snooze, ["提醒", "稍后提醒", "再提醒", "提醒我", "提醒一下", "晚点提醒", "再叫我", "再喊我", "再通知我", "remind me", "remind", "ping me", "snooze", "nudge me"]),
        (Cue.Bind, ["绑定", "本群绑定", "绑到", "绑定到", "绑给", "绑在", "绑", "bind"]),
        (Cue.Unbind, ["解除本群绑定", "解除群绑定", "解除绑定", "解绑", "取消绑定", "取消本群绑定", "unbind"]),
        (Cue.Subscribe, ["send my reminders here", "my own reminders here", "send my own reminders", "my reminders here too", "订阅", "订阅提醒", "开启个人提醒", "提醒发给我", "私聊发我", "私信发我", "直接推给我", "推给我", "推送给我", "直接发给我", "私聊发给我", "私信发给我", "私聊给我", "私信给我", "单独发我", "直接发我", "发我私聊", "remind me privately", "send reminders to me", "dm me", "send me my reminders", "subscribe"]),
        (Cue.Unsubscribe, ["取消提醒订阅", "取消提醒", "不再订阅", "停止提醒", "取消订阅", "退订", "不要再给我发提醒", "别再给我发提醒", "别再给我推", "不要再给我推", "别再推", "不要再推", "别推提醒", "不要推提醒", "别发提醒", "不要发提醒", "不用提醒我了", "不用再提醒", "别再提醒我", "don't remind me", "stop reminding me", "no more reminders", "关闭我的提醒", "关闭提醒", "取消个人提醒", "unsubscribe", "stop my reminders", "stop reminders", "stop sending me reminders", "stop sending reminders", "stop sending me"]),
        (Cue.Link, ["关联", "关联账号", "link"]),
        (Cue.Robot, ["机器人", "群机器人", "robot", "robots"]),
        (Cue.Add, ["添加", "新增", "加一个", "加个", "add"]),
        (Cue.DingTalk, ["钉钉", "dingtalk"]),
        (Cue.WeCom, ["企业微信", "企微", "wecom"]),
        // 佐证材料 (issue 15): a task's evidence, adding to it, withdrawing a piece added by mistake.
        (Cue.Evidence, ["proof", "on file", "佐证", "佐证材料", "证明材料", "交了哪些材料", "交了什么材料", "evidence", "list evidence", "show evidence"]),
        (Cue.AddEvidence, ["再补两张", "再补几张", "补两张", "补几张", "补张", "再补", "adding", "attaching", "uploading", "补充佐证", "追加佐证", "补个佐证", "补一下佐证", "补佐证", "补一份", "补一个", "补一下", "补个", "补上", "补发", "补充", "再补充", "补传", "补交", "追加", "add evidence", "add more", "attach more", "more photos"]),
        (Cue.Withdraw, ["传重复了", "撤掉", "撤了吧", "撤掉吧", "删了吧", "take back", "wrong file", "传错了", "传错", "发错了", "上传错了", "传成了", "撤回佐证", "删除佐证", "删除", "删掉", "withdraw", "withdraw evidence", "remove", "remove evidence", "delete"]),

        // The 撤销 button of a change read from words: 撤销操作 N, undo change N.
        (Cue.Undo, ["撤销操作", "撤销更改", "撤销这次更改", "undo change"]),
        (Cue.Question, ["要不要", "要不", "嘛", "能否", "可否", "是否可以", "哪些", "吗", "么", "是否", "有没有", "是不是", "了没", "什么", "啥", "谁", "哪", "几", "多少", "怎么", "如何", "咋", "怎样", "能不能", "可不可以", "可以",
            "is", "are", "was", "were", "did", "does", "do", "has", "have", "can", "could", "will", "what", "what's", "whats", "when", "who", "which", "how", "why", "whether", "yet"]),
        (Cue.Negation, ["无法", "难以", "有困难", "困难", "木有", "没得", "不要", "别", "不用", "无需", "不必", "不需要", "don't", "do not", "no need to", "一半", "部分", "大部分", "大半", "没", "没有", "未", "尚未", "还没", "不", "不算", "不了", "非", "not", "isn't", "hasn't", "haven't", "wasn't", "didn't", "not yet", "never"]),
        (Cue.Modal, ["will be", "would be", "should be", "going to be", "almost", "nearly", "about to", "快", "即将", "马上", "预计", "估计", "打算", "差不多", "基本", "能", "会", "要", "需要", "得", "想", "准备", "计划", "争取", "将", "应该", "need to", "should", "going to", "will", "plan to"]),
        // 交到材料组, 报给办公室: an office that receives, not the office asked about.
        (Cue.Destination, ["交到", "报给", "送到", "发给", "交至", "报送到"]),
        // 等 T021 完成了通知我, T021 完成了再说: done is the condition of something else, not a report.
        (Cue.Conditional, ["等到", "等", "再说", "通知我", "告诉我", "的时候", "let me know when", "tell me when", "once"]),
        (Cue.Until, ["前", "之前", "以前", "为止", "by", "before", "until", "till", "no later than"]),
    ];
}
