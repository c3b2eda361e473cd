using System.Reflection;
using CampaignBot.Ledger.Repositories;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Tests.Architecture;

/// <summary>
/// One face per repository: a repository that is instantiated (a singleton its users get by
/// constructor) has no static methods that take a connection or a transaction beside its instance
/// ones. What runs inside a caller's write takes the caller's <see cref="SqliteTransaction"/> on the
/// instance; with a second, static face, a user could skip the constructor and the repository's
/// users could no longer be found from the registrations. A repository that is a static class
/// (the plan import's, the sample's, the workdays') has one face, the static one.
/// </summary>
public class RepositoryFaceTests
{
    private static readonly Type[] ConnectionTypes = [typeof(SqliteConnection), typeof(SqliteTransaction)];

    private static readonly IReadOnlyList<Type> InstantiatedRepositories = typeof(TaskRepository).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsNested: false } && !(t.IsAbstract && t.IsSealed)
            && t.Namespace == typeof(TaskRepository).Namespace && t.Name.EndsWith("Repository", StringComparison.Ordinal))
        .ToList();

    [Fact]
    public void AnInstantiatedRepository_HasNoStaticMethodTakingAConnectionOrTransaction()
    {
        var staticFaces = InstantiatedRepositories
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(TakesAConnection)
                .Select(m => $"{t.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})"))
            .ToList();

        Assert.True(staticFaces.Count == 0, "Static faces beside the instance one (take the caller's transaction on the instance):\n" + string.Join("\n", staticFaces));
    }

    /// <summary>The rule above looks at the repositories that do run in a caller's write, not at none.</summary>
    [Fact]
    public void TheRule_SeesTheRepositoriesWhoseInstanceMethodsTakeTheCallersTransaction()
    {
        var withTransaction = InstantiatedRepositories
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Any(TakesAConnection))
            .Select(t => t.Name)
            .ToList();

        Assert.Superset(
            new HashSet<string>(["TaskRepository", "DirectoryRepository", "AuditRepository", "EvidenceRepository", "EvidenceFileRepository", "ConversationRepository", "CampaignRepository"]),
            new HashSet<string>(withTransaction));
    }

    private static bool TakesAConnection(MethodInfo method) => method.GetParameters().Any(p => ConnectionTypes.Contains(p.ParameterType));
}
