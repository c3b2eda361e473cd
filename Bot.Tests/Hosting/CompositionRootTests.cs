using CampaignBot.Hosting;
using CampaignBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Tests.Hosting;

[Needs(Needs.Host)]
public class CompositionRootTests
{
    [Fact]
    public async Task Areas_RegisteredInReverse_ComposeTheSameValidGraph()
    {
        await using var database = await TestDatabase.CreateAsync(seedSample: false);
        var (inOrder, _) = Compose(database, areas => areas);
        var (reversed, added) = Compose(database, areas => areas.Reverse());
        var (root, _) = Compose(database, _ => []);
        root.Services.AddCampaignBot(root.Configuration);

        Assert.Equal(Registrations(inOrder.Services), Registrations(reversed.Services));
        Assert.Equal(Registrations(root.Services), Registrations(inOrder.Services));

        // Validation on build finds a service whose dependency no area registered; resolving every
        // singleton the areas added finds what validation cannot see (a factory asking for a missing service).
        reversed.Host.UseDefaultServiceProvider(options => (options.ValidateOnBuild, options.ValidateScopes) = (true, true));
        await using var app = reversed.Build();
        foreach (var type in added.Where(d => d.Lifetime == ServiceLifetime.Singleton && !d.ServiceType.IsGenericTypeDefinition).Select(d => d.ServiceType).Distinct())
        {
            Assert.All(app.Services.GetServices(type), Assert.NotNull);
        }
    }

    [Fact]
    public async Task HostedServices_StartInTheOrderOfTheCompositionRoot_WhateverTheOrderOfTheAreas()
    {
        await using var database = await TestDatabase.CreateAsync(seedSample: false);
        var (builder, _) = Compose(database, areas => areas.Reverse());
        await using var app = builder.Build();

        var started = app.Services.GetServices<IHostedService>().Select(s => s.GetType()).Where(t => t.Namespace!.StartsWith("CampaignBot.", StringComparison.Ordinal));

        Assert.Equal(["LedgerStartup", "ListeningAddressRecorder", "EvidenceRetryService", "RetentionSweep", "DingTalkStreamClient", "WeComLongConnection", "RobotStartup"], started.Select(t => t.Name));
    }

    /// <summary>
    /// The services taken one at a time are registered once, so that no area's registration can
    /// win over another's by coming last: only the ones consumed as a list may have several.
    /// </summary>
    [Fact]
    public async Task EachOfTheBotsServices_IsRegisteredOnce_ExceptThoseTakenAsAList()
    {
        await using var database = await TestDatabase.CreateAsync(seedSample: false);
        var (_, added) = Compose(database, areas => areas);
        Type[] takenAsAList = [typeof(CampaignBot.Chat.Outgoing.IChannelSender), typeof(CampaignBot.EvidenceFiles.IChannelFileSource), typeof(IHostedService)];

        var twice = added.Where(d => d.ServiceType.Namespace?.StartsWith("CampaignBot", StringComparison.Ordinal) == true && !takenAsAList.Contains(d.ServiceType))
            .GroupBy(d => d.ServiceType).Where(g => g.Count() > 1).Select(g => $"{g.Key.FullName} x{g.Count()}");

        Assert.Empty(twice);
        Assert.Equal(4, added.Count(d => d.ServiceType == typeof(CampaignBot.Chat.Outgoing.IChannelSender)));
        Assert.Equal(2, added.Count(d => d.ServiceType == typeof(CampaignBot.EvidenceFiles.IChannelFileSource)));
    }

    /// <summary>A web host's builder (the host's own services included) with the areas registered in the order given, then the hosted services.</summary>
    private static (WebApplicationBuilder Builder, List<ServiceDescriptor> Added) Compose(
        TestDatabase database, Func<IReadOnlyList<Action<IServiceCollection>>, IEnumerable<Action<IServiceCollection>>> order)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = database.Path,
            ["Campaign:SeedSampleCampaign"] = "false",
            ["Reminders:Enabled"] = "false",
            ["Evidence:Folder"] = Path.Combine(database.Folder, "evidence"),
            ["DirectLine:AttachmentsFolder"] = Path.Combine(database.Folder, "attachments"),
            ["DirectLine:SecretFile"] = Path.Combine(database.Folder, "directline-secret"),
        });
        var hostServices = builder.Services.Count;
        foreach (var register in order(CampaignBotServiceCollectionExtensions.Areas(builder.Configuration)))
        {
            register(builder.Services);
        }

        builder.Services.AddStartup(builder.Configuration);
        return (builder, builder.Services.Skip(hostServices).ToList());
    }

    /// <summary>What is registered, sorted: the same services whichever area came first.</summary>
    private static List<string> Registrations(IServiceCollection services) =>
        services.Select(d => $"{d.ServiceType.FullName} {d.Lifetime} {d.ImplementationType?.FullName ?? (d.ImplementationFactory is null ? "instance" : "factory")}")
            .Order(StringComparer.Ordinal)
            .ToList();
}
