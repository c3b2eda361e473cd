namespace CampaignBot.Telemetry;

/// <summary>How a message's words were read, as campaignbot_understanding_total counts it.</summary>
public enum UnderstandingOutcome
{
    /// <summary>A command (a query, a change, small talk, help).</summary>
    Understood,

    /// <summary>Two readings fitted; the bot asked which (a ClarifyCommand, also an understanding_miss row).</summary>
    AskedBack,

    /// <summary>Not understood; suggestions offered (an understanding_miss row).</summary>
    Missed,

    /// <summary>A change read from words was taken back with 撤销: the reading was wrong.</summary>
    Undone,
}
