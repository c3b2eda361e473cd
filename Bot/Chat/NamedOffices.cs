using CampaignBot.Ledger;
using CampaignBot.Understanding;

namespace CampaignBot.Chat;

/// <summary>The ledger's offices as the language engine takes them: plain names, so that the engine knows no ledger type.</summary>
public static class NamedOffices
{
    public static IEnumerable<NamedOffice> Of(IEnumerable<Office> offices) => offices.Select(o => new NamedOffice(o.Name, [.. o.Names]));
}
