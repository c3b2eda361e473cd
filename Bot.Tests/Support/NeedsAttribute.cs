using Xunit.Abstractions;
using Xunit.Sdk;

namespace CampaignBot.Tests.Support;

/// <summary>
/// What a test needs beyond its own process's code and SQLite files. Untagged tests need neither a
/// host, a process nor a browser: they are the fast set,
/// <c>dotnet test Bot.Tests --filter "Needs!=Host&amp;Needs!=Process&amp;Needs!=Browser"</c>.
/// </summary>
public enum Needs
{
    /// <summary>A web host: the bot's (BotApplication, KestrelBotTest) or a stand-in's on a loopback port (FakeConnector), or started hosted services.</summary>
    Host,

    /// <summary>The bot run as a separate process (BotProcess).</summary>
    Process,

    /// <summary>Chromium, driven by a Node.js script (Browser/).</summary>
    Browser,
}

/// <summary>Tags a test class or method with the trait <c>Needs=Host|Process|Browser</c>.</summary>
[TraitDiscoverer("CampaignBot.Tests.Support.NeedsDiscoverer", "Bot.Tests")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NeedsAttribute(Needs needs) : Attribute, ITraitAttribute
{
    public Needs Needs { get; } = needs;
}

/// <summary>Turns <see cref="NeedsAttribute"/> into the trait the test filter reads.</summary>
public sealed class NeedsDiscoverer : ITraitDiscoverer
{
    public const string Trait = "Needs";

    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        yield return new(Trait, traitAttribute.GetConstructorArguments().Cast<Needs>().Single().ToString());
    }
}
