using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignBot.Data;

/// <summary>How audit rows serialise before/after states: readable Chinese, camelCase names.</summary>
public static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };
}
