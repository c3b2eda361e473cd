using System.Security.Cryptography;
using CampaignBot.Hosting;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Tests.Backups;

/// <summary>A bot's data laid out as on a server (everything under one folder), and what it holds, for comparing before and after a restore.</summary>
internal sealed class BackupFolders(string root)
{
    public string Root { get; } = root;

    public string Ledger => Path.Combine(Root, "data", "campaignbot.db");

    public string Evidence => Path.Combine(Root, "data", "evidence");

    public string Backups => Path.Combine(Root, "backups");

    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Ledger,
            ["Storage:SchedulerDatabasePath"] = Path.Combine(Root, "data", "scheduler.db"),
            ["Evidence:Folder"] = Evidence,
            ["DirectLine:AttachmentsFolder"] = Path.Combine(Root, "data", "attachments"),
            ["DirectLine:SecretFile"] = Path.Combine(Root, "data", "directline-secret"),
            ["Backup:Folder"] = Backups,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The bot's services over this data without starting it, as an operator's command has them.</summary>
    public ServiceProvider Services(IDictionary<string, string?>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(more)).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddCampaignBot(configuration).BuildServiceProvider();
    }

    /// <summary>Tasks, evidence rows and kept files, as text: equal when the ledger and the evidence are the same.</summary>
    public static string Snapshot(string ledger, string evidenceFolder)
    {
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection($"Data Source={ledger};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tasks = connection.Query<string>("SELECT code || ' ' || status FROM task ORDER BY code");
        var evidence = connection.Query<string>("SELECT e.id || ' ' || coalesce(e.note, '') || ' ' || coalesce(f.sha256, '') FROM evidence e LEFT JOIN evidence_file f ON f.id = e.file_id ORDER BY e.id");
        var files = Directory.Exists(evidenceFolder)
            ? Directory.EnumerateFiles(evidenceFolder, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Select(f => Path.GetRelativePath(evidenceFolder, f) + " " + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).Order(StringComparer.Ordinal).ToList()
            : new List<string>();
        return string.Join("\n", tasks.Concat(["--"]).Concat(evidence).Concat(["--"]).Concat(files));
    }

    public string Snapshot() => Snapshot(Ledger, Evidence);

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
