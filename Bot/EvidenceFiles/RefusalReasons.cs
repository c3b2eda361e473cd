namespace CampaignBot.EvidenceFiles;

/// <summary>Why a file is not kept, as stored in evidence_file.last_error and shown in replies.</summary>
public static class RefusalReasons
{
    public const string TooLarge = "too-large";
    public const string NotWhatItClaims = "type-mismatch";
}
