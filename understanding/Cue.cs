namespace CampaignBot.Understanding;

/// <summary>
/// What a word in a message signals. The words themselves are in <see cref="Glossary.CueWords"/>.
/// Some (Detail, Add, Until) only mark their words as understood, so that a message made of them
/// and of found things is not taken for chatter; dates read their own "before" words.
/// </summary>
public enum Cue
{
    // Questions the bot answers.
    Help,
    WhoAmI,
    Progress,
    Overdue,
    Due,
    TaskWord,
    Mine,
    Remaining,
    OwnOffice,
    All,
    Detail,
    Report,
    Pending,

    // Changes.
    Done,
    WeakDone,
    Reopen,
    Extend,
    Approve,
    Reject,
    Reassign,
    Snooze,
    Bind,
    Unbind,
    Subscribe,
    Unsubscribe,
    Link,
    Robot,
    Add,
    DingTalk,
    WeCom,
    Evidence,
    AddEvidence,
    Withdraw,
    Undo,

    // How it is said.
    Question,
    Negation,
    Modal,
    Until,
    Conditional,
    Destination,
    Filler,
}
