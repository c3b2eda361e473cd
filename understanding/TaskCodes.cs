namespace CampaignBot.Understanding;

/// <summary>
/// What a task code looks like in lower-cased text (T021, R01-260630, A-01: letters, then at least two
/// digits, then dash-separated numbers), for the reader and the suggestions alike: a code the reader
/// knows is one a mistyped command can be corrected around.
/// </summary>
public static class TaskCodes
{
    public const string Pattern = @"[a-z]{1,6}-?\d{2,5}(?:-\d{1,6})*";

    /// <summary>Not part of a longer word, number, address or file name before it.</summary>
    public const string NotAfterAWord = @"(?<![a-z0-9_.@-])(?<![a-z0-9]:)";
}
