namespace CampaignBot.Chat.Understanding;

/// <summary>What a word in a message signals. The words themselves are in <see cref="Glossary.CueWords"/>.</summary>
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
    OwnOffice,
    All,
    Detail,

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

    // How it is said.
    Question,
    Negation,
    Modal,
    Until,
    Destination,
    Filler,
}
