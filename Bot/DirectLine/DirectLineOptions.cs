namespace CampaignBot.DirectLine;

/// <summary>The embedded Direct Line 3.0 channel and the Web Chat page ("DirectLine" in appsettings.json).</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>
    /// The Direct Line secret, for server-side clients (tokens/generate, conversations). Empty: one is
    /// generated on first run and kept in <see cref="SecretFile"/> under the data folder.
    /// </summary>
    public string Secret { get; set; } = "";

    /// <summary>Where a generated secret is kept, relative to the working directory.</summary>
    public string SecretFile { get; set; } = "data/directline-secret";

    /// <summary>How long a token is valid; Web Chat refreshes it every 15 minutes.</summary>
    public int TokenLifetimeMinutes { get; set; } = 60;

    /// <summary>The largest upload (all files of one message together).</summary>
    public int MaxUploadMegabytes { get; set; } = 20;

    /// <summary>Uploaded files are kept here, under generated names.</summary>
    public string AttachmentsFolder { get; set; } = "data/attachments";

    /// <summary>
    /// The header an intranet's single sign-on proxy sets to the signed-in user's account (e.g.
    /// "X-Forwarded-User"). When set, the page takes its user from that header and nothing else.
    /// </summary>
    public string TrustedUserHeader { get; set; } = "";

    /// <summary>
    /// Whether the page offers a sign-in as any sample person. Null: only in the Development
    /// environment. Never turn it on where real people use the bot.
    /// </summary>
    public bool? SampleSignIn { get; set; }

    /// <summary>
    /// The base url the bot reaches its own embedded connector at (the serviceUrl of Web Chat
    /// conversations). Empty: the first address Kestrel listens on, with a wildcard host read as
    /// 127.0.0.1.
    /// </summary>
    public string ConnectorBaseUrl { get; set; } = "";

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;
}
