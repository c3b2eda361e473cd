using CampaignBot.Chat.Replies;
using CampaignBot.Ledger;

namespace CampaignBot.Chat.Handlers;

/// <summary>One message being answered: who asked, in which chat, in which language, on which day.</summary>
public sealed record ChatTurn(ChatRequest Request, ChatActor Actor, TaskScope? BoundOffice, ReplyTexts Texts, DateOnly Today)
{
    /// <summary>The command was read from the person's own words, not a button or its command form: a change then carries 撤销.</summary>
    public bool ReadFromWords { get; init; }

    /// <summary>
    /// Whose tasks a question is about when it names no office: the chat's office if the chat is
    /// bound, else the asker's office, except that coordinators, leaders and strangers see everything.
    /// </summary>
    public TaskScope DefaultScope(bool wholeCampaign)
    {
        if (wholeCampaign)
        {
            return TaskScope.Everything;
        }

        if (BoundOffice is not null)
        {
            return BoundOffice;
        }

        return Actor.Person is { SeesWholeCampaign: false } person ? new TaskScope(person.OfficeId, person.OfficeName) : TaskScope.Everything;
    }

    /// <summary>The office meant by "my office": the chat's, else the asker's; null if neither is known.</summary>
    public TaskScope? OwnOffice =>
        BoundOffice ?? (Actor.Person is { } person ? new TaskScope(person.OfficeId, person.OfficeName) : null);
}
