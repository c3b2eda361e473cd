using System.Text.Json;
using CampaignBot.Security;

namespace CampaignBot.Backups;

/// <summary>
/// A restore puts several files and folders in place; each by one rename, but not all at once.
/// Before the first rename it writes the whole list of renames here (flushed to disk, then moved
/// into place); after the last it deletes it. A crash in between leaves the journal, and the next
/// process that opens the ledger (the bot, a verb, or the next restore) finishes the renames before
/// anything reads the data, so the data is always the old set or the new set, never a mix. Every
/// rename is idempotent: a move whose source is gone is done.
/// </summary>
public static class RestoreJournal
{
    public sealed record Move(string From, string To);

    public static string PathFor(string ledgerPath) => Path.GetFullPath(ledgerPath) + ".restore-journal";

    public static bool IsPending(string ledgerPath) => File.Exists(PathFor(ledgerPath));

    public static void Write(string ledgerPath, IReadOnlyList<Move> moves)
    {
        var path = PathFor(ledgerPath);
        var temporary = path + ".partial";
        var options = PrivateFiles.NewFile();
        options.Mode = FileMode.Create;
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, moves);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Finishes the renames a journal lists, then deletes it; false when there was none.</summary>
    public static bool Complete(string ledgerPath)
    {
        var path = PathFor(ledgerPath);
        if (!File.Exists(path))
        {
            return false;
        }

        var moves = JsonSerializer.Deserialize<List<Move>>(File.ReadAllText(path)) ?? [];
        foreach (var move in moves)
        {
            if (Directory.Exists(move.From))
            {
                if (!Directory.Exists(move.To))
                {
                    Directory.Move(move.From, move.To);
                }
            }
            else if (File.Exists(move.From) && !File.Exists(move.To))
            {
                File.Move(move.From, move.To);
            }
        }

        File.Delete(path);
        return true;
    }
}
