namespace CampaignBot.Chat.ModelReading;

public enum ModelSuggestionStatus
{
    /// <summary>No model configured, the circuit open, or nothing to ask: the ordinary reply.</summary>
    Off,

    /// <summary>Changes (or several readings) offered as buttons; nothing done until tapped.</summary>
    Offered,

    /// <summary>One question, answered directly, with a line saying it was inferred.</summary>
    Answered,

    /// <summary>The model answered, but its reading did not pass the checks.</summary>
    Refused,

    /// <summary>Timeout, HTTP error, refusal, malformed or schema-invalid answer.</summary>
    Failed,
}
