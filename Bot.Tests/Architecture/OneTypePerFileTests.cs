using CampaignBot.Tests.Support;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CampaignBot.Tests.Architecture;

/// <summary>
/// One type per file: every source file of the bot, the scheduling and understanding libraries and the test support
/// library declares at most one top-level type (class, record, struct, interface, enum or delegate,
/// whatever its access, <c>file</c> included). Types nested in a type do not count. The sources are
/// read with Roslyn's parser, so comments, strings and nested types cannot fool the count.
/// </summary>
public class OneTypePerFileTests
{
    private static readonly string[] Folders = ["Bot", "scheduling", "understanding", "Bot.Testing"];

    [Fact]
    public void EverySourceFile_DeclaresAtMostOneTopLevelType()
    {
        var crowded = SourceFiles()
            .Select(file => (File: Path.GetRelativePath(RepositoryRoot.Path, file), Types: TopLevelTypes(File.ReadAllText(file))))
            .Where(f => f.Types.Count > 1)
            .Select(f => $"{f.File}: {string.Join(", ", f.Types)}")
            .ToList();

        Assert.True(crowded.Count == 0, $"One type per file, in a file named after it; these declare more:\n{string.Join("\n", crowded)}");
    }

    [Fact]
    public void TheReading_CountsTopLevelTypesAndNotNestedOnes()
    {
        const string source = """
            namespace CampaignBot.Example;

            /// <summary>public record Commented;</summary>
            public sealed record Outer(int Value)
            {
                private sealed class Nested;
            }

            internal delegate void Handler();

            file static class Helper
            {
                public const string Text = "public class InAString;";
            }
            """;

        Assert.Equal(["Outer", "Handler", "Helper"], TopLevelTypes(source));
        Assert.Equal(["Inner"], TopLevelTypes("namespace A { namespace B { public enum Inner { One } } }"));
    }

    [Fact]
    public void TheFolders_HaveSources()
    {
        Assert.All(Folders, folder => Assert.Contains(SourceFiles(), file => file.StartsWith(Path.Combine(RepositoryRoot.Path, folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
    }

    /// <summary>The C# files of the four projects, less what the build writes (bin/, obj/).</summary>
    private static List<string> SourceFiles() => Folders
        .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.AllDirectories))
        .Where(file => !Path.GetRelativePath(RepositoryRoot.Path, file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The names of the types declared in a namespace or at the top of the file, in order.</summary>
    private static List<string> TopLevelTypes(string source) => CSharpSyntaxTree.ParseText(source).GetRoot()
        .DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
        .Where(node => node.Parent is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
        .Select(node => node switch
        {
            BaseTypeDeclarationSyntax type => type.Identifier.Text,
            DelegateDeclarationSyntax @delegate => @delegate.Identifier.Text,
            _ => null,
        })
        .OfType<string>()
        .ToList();
}
