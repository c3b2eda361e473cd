using CampaignBot.Data;
using CampaignBot.Security;
using Dapper;

namespace CampaignBot.Chat.Understanding;

/// <summary>Messages the bot did not understand, kept for the corpus (understanding_miss).</summary>
public sealed class UnderstandingMissRepository(LedgerDatabase database)
{
    /// <summary>Longer messages are cut: a miss is for reading, not for archiving.</summary>
    public const int MaxTextLength = 500;

    /// <remarks>
    /// Kept without control characters (the report prints it to a terminal) and without personal data
    /// or secrets (phone and 身份证 numbers, tokens: <see cref="SensitiveText"/>), cut after redaction so
    /// that no half number survives the cut.
    /// </remarks>
    public async Task RecordAsync(string text, string channelId, long? personId, bool asked, DateTimeOffset at, CancellationToken cancellationToken)
    {
        text = SensitiveText.Redact(ControlCharacters.Strip(text));
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO understanding_miss (text, channel_id, person_id, outcome, at) VALUES (@Text, @ChannelId, @PersonId, @Outcome, @At)",
            new
            {
                Text = text.Length > MaxTextLength ? text[..MaxTextLength] : text,
                ChannelId = channelId,
                PersonId = personId,
                Outcome = asked ? "asked" : "unknown",
                At = UtcText.Format(at),
            });
    }

    /// <summary>The texts missed most often since a moment, most frequent first.</summary>
    public async Task<IReadOnlyList<FrequentMiss>> MostFrequentAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Text, long Count, string Outcome, string Channels, string LastAt)>(
            """
            SELECT text, COUNT(*), MAX(outcome), GROUP_CONCAT(DISTINCT channel_id), MAX(at)
            FROM understanding_miss
            WHERE at >= @Since
            GROUP BY text
            ORDER BY COUNT(*) DESC, MAX(at) DESC
            LIMIT @Limit
            """,
            new { Since = UtcText.Format(since), Limit = limit });
        return rows.Select(r => new FrequentMiss(r.Text, (int)r.Count, r.Outcome, r.Channels, UtcText.Parse(r.LastAt))).ToList();
    }
}
