using CampaignBot.Data;
using CampaignBot.Security;

namespace CampaignBot.DirectLine;

/// <summary>
/// Where the running bot listens, kept beside its ledger (campaignbot.db → campaignbot.address)
/// while it runs: an operator's command is another process, started without the bot's --urls, and
/// reads it to deliver Web Chat reminders through the bot wherever it was started. Removed when the
/// bot stops; one left by a killed bot names an address nothing answers at, which the command says.
/// </summary>
public sealed class ListeningAddressFile(LedgerDatabase database)
{
    public string FilePath => Path.ChangeExtension(database.FilePath, ".address");

    /// <summary>The address recorded by the bot (its connector's root, e.g. http://127.0.0.1:5417/), or null.</summary>
    public string? Read()
    {
        try
        {
            return File.Exists(FilePath) && File.ReadAllText(FilePath).Trim() is { Length: > 0 } address
                && Uri.TryCreate(address, UriKind.Absolute, out _) ? address : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Write(string address)
    {
        PrivateFiles.EnsureParentFolder(FilePath);
        var temporary = FilePath + ".partial";
        File.Delete(temporary);
        using (var stream = new FileStream(temporary, PrivateFiles.NewFile()))
        using (var writer = new StreamWriter(stream))
        {
            writer.WriteLine(address);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }

    /// <summary>Removes the record if it is still this bot's (another bot on the same ledger may have written its own since).</summary>
    public void Remove(string address)
    {
        if (Read() == address)
        {
            File.Delete(FilePath);
        }
    }
}
