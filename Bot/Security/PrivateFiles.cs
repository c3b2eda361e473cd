namespace CampaignBot.Security;

/// <summary>
/// Files and folders the bot creates for itself (the ledger with its robot secrets and transcripts,
/// the scheduler's store, the Direct Line secret, the sign-in keys, uploaded evidence) are readable
/// by the service's own user only: 0600 files in 0700 folders. Files left readable by an earlier
/// version are tightened when the bot next opens them. On Windows, ACLs of the folder apply instead.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates a folder of the bot's own (0700), or tightens it when it exists; returns its full path.</summary>
    public static string EnsureFolder(string path)
    {
        var full = Path.GetFullPath(path);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(full);
        }
        else if (Directory.Exists(full))
        {
            System.IO.File.SetUnixFileMode(full, OwnerFolder);
        }
        else
        {
            // Missing parents are the bot's own too (Directory.CreateDirectory gives them the default mode).
            EnsureParentFolder(full);
            Directory.CreateDirectory(full, OwnerFolder);
        }

        return full;
    }

    /// <summary>
    /// Makes sure a file that another library will open and fill (SQLite) exists with owner-only
    /// access; its folder is created private when missing (an existing folder is the operator's, left as it is).
    /// SQLite gives its -wal and -shm files the database file's permissions.
    /// </summary>
    public static void EnsureFile(string path)
    {
        var full = Path.GetFullPath(path);
        EnsureParentFolder(full);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!System.IO.File.Exists(full))
        {
            try
            {
                using var _ = new FileStream(full, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerFile });
            }
            catch (IOException) when (System.IO.File.Exists(full))
            {
                // Another process (the operator's command) created it first.
            }
        }

        foreach (var existing in new[] { full, full + "-wal", full + "-shm", full + "-journal" }.Where(System.IO.File.Exists))
        {
            System.IO.File.SetUnixFileMode(existing, OwnerFile);
        }
    }

    /// <summary>Creates the folder a file goes in, private, when it is missing; an existing one is the operator's and stays as it is.</summary>
    public static void EnsureParentFolder(string filePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(filePath))!;
        if (!Directory.Exists(folder))
        {
            EnsureFolder(folder);
        }
    }

    /// <summary>Options for creating a new private file (uploads, the generated secret).</summary>
    public static FileStreamOptions NewFile()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerFile;
        }

        return options;
    }
}
