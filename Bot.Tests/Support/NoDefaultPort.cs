using System.Runtime.CompilerServices;

namespace CampaignBot.Tests.Support;

/// <summary>
/// The bot refuses to start on an address another program listens on, before anything is written
/// (Program, ListeningPorts). The test hosts run that entry point too, with the repository's
/// appsettings.json (localhost:3978): a bot left running on the default port would stop every one of
/// them. The tests' hosts listen where their factory puts them, so the address they are told is "any
/// free port"; a bot process a test starts is given its own (BotProcess removes this).
/// </summary>
internal static class NoDefaultPort
{
    public const string Variable = "ASPNETCORE_URLS";

    [ModuleInitializer]
    internal static void Set() => Environment.SetEnvironmentVariable(Variable, "http://127.0.0.1:0");
}
