namespace CampaignBot.Understanding;

/// <summary>What <see cref="StatementCheck"/> made of the sentence around a change word: only <see cref="Plain"/> lets the change through.</summary>
public enum StatementReading
{
    /// <summary>A plain report (T017 弄完了) or order (标记 T017 完成).</summary>
    Plain,
    Quoted,
    CheckAsked,
    Hearsay,
    Conditional,
    Question,
    Negated,
    NotAVerb,
    Partial,
    Intended,

    /// <summary>Said to someone else: 吴芳 提醒你一下, remind everyone to finish it.</summary>
    ForSomeoneElse,
}
