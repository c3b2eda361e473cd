using CampaignBot.Tests.Support;

namespace CampaignBot.Tests.Architecture;

/// <summary>The C# files of a project folder of the repository, less what the build writes (bin/, obj/), in a stable order.</summary>
public static class ProjectSources
{
    public static List<string> In(params string[] folders) => folders
        .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.AllDirectories))
        .Where(file => !Path.GetRelativePath(RepositoryRoot.Path, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
        .Order(StringComparer.Ordinal)
        .ToList();
}
