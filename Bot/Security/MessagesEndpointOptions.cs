namespace CampaignBot.Security;

/// <summary>Who may post to /api/messages when no Azure Bot registration (MicrosoftAppId) is configured.</summary>
public sealed class MessagesEndpointOptions
{
    public const string Section = "MessagesEndpoint";

    /// <summary>
    /// Production only: accept messages without a Bot Framework token. Anyone who can reach the port
    /// can then speak as any account, coordinators included; off by default. Development always
    /// accepts them (the Bot Framework Emulator sends none).
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>
    /// Hosts (name or address) that an unauthenticated message's serviceUrl may name: the bot posts
    /// its replies and later reminders there. Development adds loopback (the Emulator); empty
    /// otherwise, so unauthenticated callers can only read replies in the response (expectReplies).
    /// </summary>
    public List<string> UnauthenticatedServiceUrlHosts { get; set; } = [];
}
