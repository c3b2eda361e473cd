using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.Architecture;

/// <summary>
/// Each folder of Bot/ registers its own services with one AddX of its own, and only its own: what a
/// folder needs is found in that folder, and the composition root (Hosting) only lists the folders.
/// </summary>
public class RegistrationRulesTests
{
    private const string CompositionRoot = "Hosting";

    /// <summary>Hosting's methods that compose the folders' AddX (and the start order), rather than register services of their own.</summary>
    private static readonly string[] Composing = ["AddCampaignBot", "AddStartup"];

    private static readonly IReadOnlyList<MethodInfo> AddMethods = typeof(Program).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: true, IsSealed: true } && !t.IsNested)
        .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal) && m.IsDefined(typeof(System.Runtime.CompilerServices.ExtensionAttribute))
            && m.GetParameters()[0].ParameterType == typeof(IServiceCollection))
        .ToList();

    [Fact]
    public void EachFolder_HasAtMostOneAddX_ExceptTheCompositionRoot()
    {
        Assert.NotEmpty(AddMethods);
        var several = AddMethods.GroupBy(m => Folder(m.DeclaringType!)).Where(g => g.Key != CompositionRoot && g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => $"{m.DeclaringType!.Name}.{m.Name}"))}").ToList();

        Assert.True(several.Count == 0, "Folders with more than one AddX:\n" + string.Join("\n", several));
    }

    /// <summary>
    /// Every type of the bot an AddX names (an implementation, an instance, the options it binds, a
    /// generic argument) is of that AddX's folder. A factory's product is not looked into: a factory
    /// is how one folder wires what it registers to what another registered.
    /// </summary>
    [Fact]
    public void EachAddX_RegistersOnlyTheTypesOfItsOwnFolder()
    {
        // Direct Line keeps its sign-in keys beside the ledger, and makes that folder when registered.
        var folderOfTheLedger = Path.Combine(Path.GetTempPath(), $"registration-rules-{Guid.NewGuid():N}");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Everything a setting can switch on, without the scheduler (whose file Quartz would create).
            ["Reminders:Enabled"] = "false",
            ["Metrics:Enabled"] = "true",
            ["Logging:Format"] = "json",
            ["Storage:DatabasePath"] = Path.Combine(folderOfTheLedger, "ledger.db"),
        }).Build();

        var strays = new List<string>();
        try
        {
            foreach (var method in AddMethods.Where(m => !Composing.Contains(m.Name)))
            {
                var folder = Folder(method.DeclaringType!);
                var services = new ServiceCollection();
                method.Invoke(null, method.GetParameters().Select(p => p.ParameterType == typeof(IServiceCollection) ? services : (object)configuration).ToArray());

                strays.AddRange(services.SelectMany(Named).Distinct()
                    .Where(t => Folder(t) is { } of && of != folder)
                    .Select(t => $"{method.DeclaringType!.Name}.{method.Name} ({folder}) registers {t.FullName} ({Folder(t)})"));
            }
        }
        finally
        {
            if (Directory.Exists(folderOfTheLedger))
            {
                Directory.Delete(folderOfTheLedger, recursive: true);
            }
        }

        Assert.True(strays.Count == 0, "Registered outside their folder:\n" + string.Join("\n", strays));
    }

    /// <summary>The types a registration names, outside a factory's body.</summary>
    private static IEnumerable<Type> Named(ServiceDescriptor descriptor)
    {
        // The service type may be a lower folder's port (IChannelSender): only its generic arguments count.
        var named = GenericArguments(descriptor.ServiceType);
        var implementation = descriptor.IsKeyedService ? null : descriptor.ImplementationType ?? descriptor.ImplementationInstance?.GetType();
        return implementation is null ? named : named.Concat(GenericArguments(implementation).Prepend(implementation));
    }

    private static IEnumerable<Type> GenericArguments(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(a => GenericArguments(a).Prepend(a)) : [];

    /// <summary>The top-level folder of a bot type (CampaignBot.Chat.Handlers is Chat); null for the scheduling project's and other assemblies' types.</summary>
    private static string? Folder(Type type)
    {
        if (type.Assembly != typeof(Program).Assembly)
        {
            return null;
        }

        var name = type.Namespace ?? "";
        if (!name.StartsWith("CampaignBot.", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name["CampaignBot.".Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }
}
