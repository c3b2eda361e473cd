namespace CampaignBot.Tests.Support;

/// <summary>The checkout the tests were built from (where CampaignBot.sln is), for files the tests run but do not build.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "CampaignBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests are not inside a CampaignBot checkout.");
    }
}
