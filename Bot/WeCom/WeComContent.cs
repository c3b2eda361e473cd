namespace CampaignBot.WeCom;

/// <summary>
/// A reply as WeCom shows it, before it is cut into messages: markdown blocks (the header's lines,
/// one block per item, the footer's lines), every ledger or person's text already escaped, and the
/// card with its buttons when the reply has any. The transport packs the blocks into messages within
/// its byte limits (<see cref="WeComMarkdown"/>).
/// </summary>
public sealed record WeComContent(IReadOnlyList<string> Head, IReadOnlyList<string> Entries, IReadOnlyList<string> Foot, WeComCard? Card)
{
    public IEnumerable<string> Blocks => Head.Concat(Entries).Concat(Foot);
}
