using System.Reflection;
using CampaignBot.Tests.Support;

namespace CampaignBot.Tests;

/// <summary>
/// The fast set (<c>--filter "Needs!=Host&amp;Needs!=Process&amp;Needs!=Browser"</c>) stays fast:
/// every test that starts a host, a process or the browser is tagged with what it needs.
/// </summary>
public class TestSplitTests
{
    private static IEnumerable<MethodInfo> Tests() => typeof(TestSplitTests).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false })
        .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public))
        .Where(m => m.IsDefined(typeof(FactAttribute), inherit: true));

    [Fact]
    public void EveryTest_IsTaggedWithWhatItNeeds()
    {
        var wrong = Tests()
            .Select(t => (Test: $"{t.ReflectedType!.Name}.{t.Name}", Required: TestNeeds.Required(t), Declared: TestNeeds.Declared(t)))
            .Where(t => t.Required != t.Declared)
            .Select(t => $"{t.Test}: needs {t.Required?.ToString() ?? "nothing"}, tagged {t.Declared?.ToString() ?? "nothing"}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData(typeof(Security.SecurityHeadersTests), Needs.Host)] // KestrelBotTest, a base class
    [InlineData(typeof(Http.MessagesEndpointTests), Needs.Host)] // a class fixture
    [InlineData(typeof(Reminders.ReachTests), Needs.Host)] // a FakeConnector
    [InlineData(typeof(Faults.ImportCrashTests), Needs.Process)]
    [InlineData(typeof(Browser.BoardPageTests), Needs.Browser)]
    [InlineData(typeof(Chat.Understanding.CommandTextTests), null)]
    [InlineData(typeof(Bots.ConversationTests), null)]
    public void TheReading_FindsWhatAClassNeeds(Type testClass, Needs? needs)
    {
        Assert.Equal(needs, Tests().Where(t => t.ReflectedType == testClass).Max(TestNeeds.Required));
    }
}
