using System.Xml.Linq;
using CampaignBot.Tests.Support;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CampaignBot.Tests.Architecture;

/// <summary>
/// Namespaces match folders: every C# file of every project of the repository (a folder at its root
/// with a .csproj) declares its project's root namespace followed by the file's folders
/// (understanding/Commands/ChatCommand.cs is CampaignBot.Understanding.Commands), so that a type is
/// found where its namespace says. A program of top-level statements (Program.cs) declares none.
/// Read with Roslyn's parser, so comments and strings cannot fool it.
/// </summary>
public class NamespaceTests
{
    [Fact]
    public void EveryFile_DeclaresTheNamespaceOfItsFolder()
    {
        var wrong = Projects()
            .SelectMany(project => ProjectSources.In(project.Folder).Select(file => (File: file, Expected: Expected(project, file))))
            .Select(f => (f.File, f.Expected, Declared: Declared(File.ReadAllText(f.File))))
            .Where(f => f.Declared.Namespaces.Count == 0 ? !f.Declared.TopLevelStatements : !(f.Declared.Namespaces is [var only] && only == f.Expected))
            .Select(f => $"{Path.GetRelativePath(RepositoryRoot.Path, f.File)}: declares {(f.Declared.Namespaces.Count == 0 ? "no namespace" : string.Join(", ", f.Declared.Namespaces))}, its folder says {f.Expected}")
            .ToList();

        Assert.True(wrong.Count == 0, $"Namespaces match folders (the project's RootNamespace, then the folders); these do not:\n{string.Join("\n", wrong)}");
    }

    [Fact]
    public void TheProjects_AreFound_WithTheirRootNamespaces()
    {
        var projects = Projects().ToDictionary(p => p.Folder, p => p.RootNamespace);

        Assert.Equal("CampaignBot", projects["Bot"]);
        Assert.Equal("CampaignBot.Scheduling", projects["scheduling"]);
        Assert.Equal("CampaignBot.Understanding", projects["understanding"]);
        Assert.Equal("CampaignBot.Tests", projects["Bot.Tests"]);
    }

    [Fact]
    public void TheReading_JoinsNestedNamespaces_AndKnowsATopLevelProgram()
    {
        Assert.Equal(["CampaignBot.Example"], Declared("namespace CampaignBot.Example;\n/// namespace Wrong;\npublic record A(string Text = \"namespace Wrong;\");").Namespaces);
        Assert.Equal(["A.B"], Declared("namespace A { namespace B { public enum Inner { One } } }").Namespaces);
        Assert.Equal(["A", "C"], Declared("namespace A { } namespace C { }").Namespaces);
        Assert.True(Declared("System.Console.WriteLine();\npublic partial class Program;").TopLevelStatements);
        Assert.False(Declared("public class Loose;").TopLevelStatements);
        Assert.Equal("CampaignBot.Understanding.Commands", Expected(new("understanding", "CampaignBot.Understanding"), Path.Combine(RepositoryRoot.Path, "understanding", "Commands", "ChatCommand.cs")));
        Assert.Equal("CampaignBot", Expected(new("Bot", "CampaignBot"), Path.Combine(RepositoryRoot.Path, "Bot", "Program.cs")));
    }

    private sealed record Project(string Folder, string RootNamespace);

    private sealed record Declaration(IReadOnlyList<string> Namespaces, bool TopLevelStatements);

    /// <summary>Each folder at the repository's root holding a project, with the root namespace its .csproj names.</summary>
    private static IEnumerable<Project> Projects() => Directory.EnumerateDirectories(RepositoryRoot.Path)
        .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj"))
        .Select(csproj => new Project(
            Path.GetFileName(Path.GetDirectoryName(csproj)!),
            XDocument.Load(csproj).Descendants("RootNamespace").Single().Value))
        .OrderBy(p => p.Folder, StringComparer.Ordinal);

    private static string Expected(Project project, string file)
    {
        var folders = Path.GetRelativePath(Path.Combine(RepositoryRoot.Path, project.Folder), Path.GetDirectoryName(file)!);
        return folders == "." ? project.RootNamespace : $"{project.RootNamespace}.{folders.Replace(Path.DirectorySeparatorChar, '.')}";
    }

    /// <summary>The full names of the innermost namespaces a file declares (nested ones joined), and whether it is a program of top-level statements.</summary>
    private static Declaration Declared(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var namespaces = root.DescendantNodes()
            .OfType<BaseNamespaceDeclarationSyntax>()
            .Where(n => !n.Members.OfType<BaseNamespaceDeclarationSyntax>().Any())
            .Select(n => string.Join('.', n.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(a => a.Name.ToString())))
            .ToList();
        return new Declaration(namespaces, root.ChildNodes().OfType<GlobalStatementSyntax>().Any());
    }
}
