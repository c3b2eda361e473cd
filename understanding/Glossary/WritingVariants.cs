namespace CampaignBot.Understanding.Glossary;

/// <summary>
/// Traditional characters that appear in the glossary's words, with their simplified forms, and
/// variant spellings people use (台帐 for 台账). Each pair keeps the length so that positions in
/// the message stay where they were.
/// </summary>
public static class WritingVariants
{
    public const string Traditional = "這週麼務項後們單組處會議辦請幫煩嗎沒還進發確認記錄時間內個該實報聯關綁訂閱機器說誰臺帳賬詳細開結過期限畢別讓從來對應點錯撤銷轉給負責將準備計劃爭稍題黨課測評料總況率幾號裡邊樣麼為與";
    public const string Simplified = "这周么务项后们单组处会议办请帮烦吗没还进发确认记录时间内个该实报联关绑订阅机器说谁台帐账详细开结过期限毕别让从来对应点错撤销转给负责将准备计划争稍题党课测评料总况率几号里边样么为与";

    public static readonly IReadOnlyList<(string From, string To)> Words =
    [
        ("台帐", "台账"),
        ("帐号", "账号"),
    ];
}
