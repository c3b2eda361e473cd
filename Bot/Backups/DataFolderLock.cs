using CampaignBot.Security;

namespace CampaignBot.Backups;

/// <summary>
/// How a restore knows the bot is running: every process that opens the ledger (the bot, and each
/// operator verb) holds a shared lock on <c>&lt;ledger&gt;.lock</c> for its whole life; a restore needs
/// the exclusive one. These are the kernel's advisory file locks (flock, which .NET takes for
/// FileShare on Linux), released when the process ends however it ends, so a crash or a SIGKILL
/// leaves no stale lock, unlike a pid file. The other way round, a bot started while a restore
/// runs cannot take its shared lock and refuses to start. (Setting DOTNET_SYSTEM_IO_DISABLEFILELOCKING
/// turns .NET's file locks off, and with them this check: docs/DEPLOY.md.)
/// </summary>
public static class DataFolderLock
{
    public static string PathFor(string ledgerPath) => Path.GetFullPath(ledgerPath) + ".lock";

    /// <summary>The lock held, or null when another process holds it in a way that excludes this one.</summary>
    public static IDisposable? TryTake(string ledgerPath, bool exclusive)
    {
        var path = PathFor(ledgerPath);
        PrivateFiles.EnsureFile(path);
        try
        {
            // Read access only: .NET then takes flock(LOCK_SH) for a shared FileShare, LOCK_EX for None.
            return new FileStream(path, FileMode.Open, FileAccess.Read, exclusive ? FileShare.None : FileShare.ReadWrite);
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }
}
