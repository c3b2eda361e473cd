namespace CampaignBot.WeCom;

/// <summary>The named HTTP client of the WeCom channel's calls (response urls carry their credential in the address: no request logging, no redirects).</summary>
public static class WeComHttp
{
    public const string ClientName = "WeCom";
}
