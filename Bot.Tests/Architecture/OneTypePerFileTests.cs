using CampaignBot.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CampaignBot.Tests.Architecture;

/// <summary>
/// One type per file: every source file of the bot, the scheduling and understanding libraries and
/// the test support library declares at most one top-level type (class, record, struct, interface,
/// enum or delegate, whatever its access, <c>file</c> included). Types nested in a type do not count.
/// Two kinds of file may hold more, because they are read as one thing:
/// <list type="bullet">
/// <item>a closed family: the abstract record or class the file is named after, whose constructors
/// are all private or protected (no primary constructor), then only the types that derive from a type
/// of the file, each sealed or itself such a closed base (ChatCommand and its commands);</item>
/// <item>a record and its parts: the sealed record the file is named after, then only sealed records
/// that its parameters or properties name (Plan and its offices, people, tasks and series).</item>
/// </list>
/// The sources are read with Roslyn's parser, so comments, strings and nested types cannot fool the count.
/// </summary>
public class OneTypePerFileTests
{
    private static readonly string[] Folders = ["Bot", "scheduling", "understanding", "Bot.Testing"];

    [Fact]
    public void EverySourceFile_DeclaresAtMostOneTopLevelType_OrOneClosedFamily_OrOneRecordWithItsParts()
    {
        var crowded = SourceFiles()
            .Select(file => (File: Path.GetRelativePath(RepositoryRoot.Path, file), Types: Crowding(Path.GetFileNameWithoutExtension(file), File.ReadAllText(file))))
            .Where(f => f.Types.Count > 1)
            .Select(f => $"{f.File}: {string.Join(", ", f.Types)}")
            .ToList();

        Assert.True(crowded.Count == 0, $"One type per file, in a file named after it (or one closed family, or one record and its parts); these declare more:\n{string.Join("\n", crowded)}");
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
    public void AClosedFamily_SharesItsFile_AndAnOpenOneDoesNot()
    {
        const string family = """
            public abstract record Shape
            {
                private protected Shape() { }
            }

            public abstract record Round : Shape
            {
                private protected Round(int size) => Size = size;

                public int Size { get; init; }
            }

            public sealed record Square(int Side) : Shape;

            public sealed record Circle(int Radius) : Round(Radius);
            """;

        Assert.Empty(Crowding("Shape", family));
        Assert.NotEmpty(Crowding("Shapes", family));
        Assert.NotEmpty(Crowding("Shape", family.Replace("private protected Shape()", "public Shape()")));
        Assert.NotEmpty(Crowding("Shape", family.Replace("private protected Round(", "protected internal Round(")));
        Assert.NotEmpty(Crowding("Shape", "public abstract record Shape(int Size);\npublic sealed record Square(int Size) : Shape(Size);"));
        Assert.NotEmpty(Crowding("Shape", family.Replace("public sealed record Square", "public record Square")));
        Assert.NotEmpty(Crowding("Shape", family + "\npublic sealed record Unrelated;"));
    }

    [Fact]
    public void ARecordAndItsParts_ShareAFile_AndNothingElseDoes()
    {
        const string whole = """
            public sealed record Plan(IReadOnlyList<PlanTask> Tasks)
            {
                public PlanSeries? Series { get; init; }
            }

            public sealed record PlanTask(string Code);

            public sealed record PlanSeries(string Rule);
            """;

        Assert.Empty(Crowding("Plan", whole));
        Assert.NotEmpty(Crowding("PlanTask", whole));
        Assert.NotEmpty(Crowding("Plan", whole + "\npublic sealed record Unnamed;"));
        Assert.NotEmpty(Crowding("Plan", whole.Replace("public sealed record PlanTask", "public record PlanTask")));
        Assert.NotEmpty(Crowding("Plan", whole.Replace("public sealed record Plan(", "public sealed class Plan(")));
    }

    [Fact]
    public void TheFolders_HaveSources()
    {
        Assert.All(Folders, folder => Assert.Contains(SourceFiles(), file => file.StartsWith(Path.Combine(RepositoryRoot.Path, folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal)));
    }

    private static List<string> SourceFiles() => ProjectSources.In(Folders);

    /// <summary>The top-level types of a file that one type per file does not allow: none, or all of them.</summary>
    private static List<string> Crowding(string fileName, string source)
    {
        var types = TopLevelDeclarations(source);
        return types.Count <= 1 || IsClosedFamily(fileName, types) || IsRecordWithItsParts(fileName, types) ? [] : types.Select(Name).ToList();
    }

    private static List<string> TopLevelTypes(string source) => TopLevelDeclarations(source).Select(Name).ToList();

    /// <summary>The types declared in a namespace or at the top of the file, in order.</summary>
    private static List<MemberDeclarationSyntax> TopLevelDeclarations(string source) => CSharpSyntaxTree.ParseText(source).GetRoot()
        .DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
        .Where(node => node.Parent is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
        .OfType<MemberDeclarationSyntax>()
        .Where(node => node is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
        .ToList();

    private static string Name(MemberDeclarationSyntax type) => type switch
    {
        BaseTypeDeclarationSyntax declared => declared.Identifier.Text,
        DelegateDeclarationSyntax @delegate => @delegate.Identifier.Text,
        _ => throw new ArgumentException(type.ToString()),
    };

    private static bool IsClosedFamily(string fileName, List<MemberDeclarationSyntax> types)
    {
        if (types[0] is not TypeDeclarationSyntax root || root.Identifier.Text != fileName || !IsClosedBase(root))
        {
            return false;
        }

        var inFile = types.Select(Name).ToHashSet(StringComparer.Ordinal);
        return types.Skip(1).All(type => type is TypeDeclarationSyntax member
            && member.BaseList?.Types.FirstOrDefault()?.Type is { } baseType && inFile.Contains(SimpleName(baseType))
            && (member.Modifiers.Any(SyntaxKind.SealedKeyword) || IsClosedBase(member)));
    }

    /// <summary>Abstract, with no primary constructor and only private or protected ones: nothing outside can derive from it at will.</summary>
    private static bool IsClosedBase(TypeDeclarationSyntax type)
    {
        var constructors = type.Members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
        return type.Modifiers.Any(SyntaxKind.AbstractKeyword) && type.ParameterList is null && constructors.Count > 0
            && constructors.All(c => !c.Modifiers.Any(SyntaxKind.PublicKeyword) && !c.Modifiers.Any(SyntaxKind.InternalKeyword));
    }

    private static bool IsRecordWithItsParts(string fileName, List<MemberDeclarationSyntax> types)
    {
        if (types[0] is not RecordDeclarationSyntax whole || whole.Identifier.Text != fileName || !IsSealedRecord(whole))
        {
            return false;
        }

        var named = (whole.ParameterList?.Parameters.Select(p => p.Type) ?? [])
            .Concat(whole.Members.OfType<PropertyDeclarationSyntax>().Select(p => p.Type))
            .OfType<TypeSyntax>()
            .SelectMany(t => t.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.Text))
            .ToHashSet(StringComparer.Ordinal);
        return types.Skip(1).All(type => type is RecordDeclarationSyntax part && IsSealedRecord(part) && named.Contains(part.Identifier.Text));
    }

    private static bool IsSealedRecord(MemberDeclarationSyntax type) => type is RecordDeclarationSyntax && type.Modifiers.Any(SyntaxKind.SealedKeyword);

    private static string SimpleName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
        SimpleNameSyntax simple => simple.Identifier.Text,
        _ => type.ToString(),
    };
}
