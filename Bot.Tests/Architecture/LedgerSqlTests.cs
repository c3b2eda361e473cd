using System.Text.RegularExpressions;
using CampaignBot.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CampaignBot.Tests.Architecture;

/// <summary>
/// Only the ledger speaks SQL about the ledger: no string in the bot's C# outside Bot/Ledger/ names
/// a ledger table after a SQL keyword (FROM, JOIN, INTO, UPDATE, TABLE). The dependency rules read
/// IL and cannot see SQL; this reads the sources with Roslyn's parser, every string literal
/// (regular, verbatim, raw, and the text of interpolated ones), so comments cannot trip it. The
/// tables are those the migrations create, less the stores that are not the ledger's (below).
/// </summary>
public partial class LedgerSqlTests
{
    /// <summary>
    /// Tables in the same file that belong to other stores, each with the folder that owns it:
    /// the outbox's (its messages, their reminder items, the dispatch lease) and the channels' own
    /// (the Direct Line transcript store, DingTalk's and WeCom's message dedup and chat cache).
    /// </summary>
    private static readonly Dictionary<string, string> NotTheLedgers = new()
    {
        ["outbox_message"] = "Outbox",
        ["reminder"] = "Outbox",
        ["dispatch_lease"] = "Outbox",
        ["directline_conversation"] = "DirectLine",
        ["directline_activity"] = "DirectLine",
        ["directline_attachment"] = "DirectLine",
        ["dingtalk_message"] = "DingTalk",
        ["dingtalk_callback_sign"] = "DingTalk",
        ["dingtalk_chat"] = "DingTalk",
        ["wecom_message"] = "WeCom",
    };

    [GeneratedRegex(@"\b(?:CREATE TABLE(?: IF NOT EXISTS)?|RENAME TO)\s+([a-z_][a-z0-9_]*)", RegexOptions.IgnoreCase)]
    private static partial Regex CreatedTable();

    [GeneratedRegex(@"\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_][a-z0-9_]*)\b")]
    private static partial Regex TableAfterKeyword();

    [Fact]
    public void LedgerTables_AreNamedInSqlOnlyInsideTheLedger()
    {
        var tables = LedgerTables();
        var outside = SourceFiles()
            .Where(file => !InsideTheLedger(file))
            .SelectMany(file => TablesNamedInSql(File.ReadAllText(file)).Where(tables.Contains).Distinct().Select(table => $"{Relative(file)}: {table}"))
            .ToList();

        Assert.True(outside.Count == 0, $"SQL about ledger tables belongs in Bot/Ledger/ (a repository or read model there); found outside:\n{string.Join("\n", outside)}");
    }

    [Fact]
    public void TheTables_AreReadFromTheMigrations()
    {
        var tables = LedgerTables();

        Assert.Contains("task", tables);
        Assert.Contains("understanding_miss", tables);
        Assert.DoesNotContain("outbox_message", tables);
        Assert.All(NotTheLedgers.Keys, table => Assert.Contains(table, AllTables()));
    }

    [Fact]
    public void TheReading_FindsTablesInEveryKindOfString_AndNotInComments()
    {
        const string source = """"
            class Example
            {
                // SELECT * FROM commented
                const string Plain = "SELECT id FROM task WHERE x";
                const string Verbatim = @"UPDATE person SET name = 1";
                const string Raw = """
                    DELETE FROM office WHERE id IN (SELECT office_id FROM robot r JOIN snooze s ON 1)
                    """;
                string Interpolated(int n) => $"INSERT INTO audit (n) VALUES ({n})";
                const string Prose = "what comes from task lists";
            }
            """";

        Assert.Equal(["task", "person", "office", "robot", "snooze", "audit"], TablesNamedInSql(source));
    }

    private static HashSet<string> LedgerTables() => AllTables().Where(t => !NotTheLedgers.ContainsKey(t)).ToHashSet();

    private static HashSet<string> AllTables() => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "Bot", "Data", "Migrations"), "*.sql")
        .SelectMany(file => CreatedTable().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value.ToLowerInvariant()))
        .ToHashSet();

    /// <summary>The tables named after a SQL keyword in the string literals of a C# source, in order.</summary>
    private static List<string> TablesNamedInSql(string source) => CSharpSyntaxTree.ParseText(source).GetRoot()
        .DescendantTokens()
        .Where(token => token.Kind() is SyntaxKind.StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken
            or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.InterpolatedStringTextToken
            or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken)
        .SelectMany(token => TableAfterKeyword().Matches(token.ValueText).Select(m => m.Groups[1].Value))
        .ToList();

    private static bool InsideTheLedger(string file) =>
        Relative(file).StartsWith(Path.Combine("Bot", "Ledger") + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot.Path, file);

    /// <summary>The bot's C# files, less what the build writes (bin/, obj/) and the web client's packages.</summary>
    private static List<string> SourceFiles() => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "Bot"), "*.cs", SearchOption.AllDirectories)
        .Where(file => !Relative(file).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
        .Order(StringComparer.Ordinal)
        .ToList();
}
