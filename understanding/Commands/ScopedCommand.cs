namespace CampaignBot.Understanding.Commands;

/// <summary>A question about some offices' tasks: by default the chat's or the asker's office.</summary>
public abstract record ScopedCommand(bool WholeCampaign, ReplyLanguage Language) : ChatCommand(Language)
{
    /// <summary>An office named in the question (材料组还有啥超期的), by its ledger name.</summary>
    public string? OfficeName { get; init; }

    /// <summary>The asker said 我们组/本单位/our office: the chat's or their own office, even for a coordinator.</summary>
    public bool OwnOffice { get; init; }

    /// <summary>The asker asked about their own tasks (我这周有什么要交的, what do I have due): the tasks they own.</summary>
    public bool Mine { get; init; }

    /// <summary>A person named in the question (孙丽这周有什么要交的): the tasks that person owns.</summary>
    public string? PersonName { get; init; }
}
