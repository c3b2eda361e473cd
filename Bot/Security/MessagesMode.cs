namespace CampaignBot.Security;

/// <summary>How /api/messages decides who is calling; said once in the start-up log.</summary>
public enum MessagesMode
{
    /// <summary>MicrosoftAppId is set: the SDK validates the channel's JWT on every request.</summary>
    BotFrameworkTokens,

    /// <summary>Development without an app id: the Emulator's unauthenticated messages are accepted.</summary>
    DevelopmentUnauthenticated,

    /// <summary>Production without an app id, and the operator set MessagesEndpoint:AllowUnauthenticated.</summary>
    UnauthenticatedByOperator,

    /// <summary>Production without an app id: every request is refused (401).</summary>
    Refused,
}
