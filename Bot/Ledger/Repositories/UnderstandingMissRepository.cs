using CampaignBot.Data;
using CampaignBot.Security;
using Dapper;

namespace CampaignBot.Ledger.Repositories;

/// <summary>Messages the bot did not understand, kept for the corpus (understanding_miss).</summary>
public sealed class UnderstandingMissRepository(LedgerDatabase database)
{
    /// <summary>Longer messages are cut: a miss is for reading, not for archiving.</summary>
    public const int MaxTextLength = 500;

    /// <summary>How long after a suggestion a tap on it still counts as one.</summary>
    public static readonly TimeSpan TapWindow = TimeSpan.FromDays(1);

    /// <summary>Forgets the misses from before <paramref name="cutoff"/>, in the caller's transaction (the retention sweep's); says how many.</summary>
    public Task<int> ForgetBeforeAsync(Microsoft.Data.Sqlite.SqliteTransaction transaction, DateTimeOffset cutoff) =>
        transaction.Connection!.ExecuteAsync("DELETE FROM understanding_miss WHERE at < @Cutoff", new { Cutoff = UtcText.Format(cutoff) }, transaction);

    /// <summary>One miss, with what the language model made of it when one was asked (<paramref name="model"/>).</summary>
    /// <remarks>
    /// Kept without control characters (the report prints it to a terminal) and without personal data
    /// or secrets (phone and 身份证 numbers, tokens: <see cref="SensitiveText"/>), cut after redaction so
    /// that no half number survives the cut.
    /// </remarks>
    public async Task RecordAsync(string text, string channelId, string? conversationId, long? personId, bool asked, MissSuggestion? model, DateTimeOffset at, CancellationToken cancellationToken)
    {
        text = Kept(text);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            """
            INSERT INTO understanding_miss (text, channel_id, conversation_id, person_id, outcome, at, model_status, model_intent, model_suggestion, model_note)
            VALUES (@Text, @ChannelId, @ConversationId, @PersonId, @Outcome, @At, @Status, @Intent, @Suggestion, @Note)
            """,
            new
            {
                Text = text.Length > MaxTextLength ? text[..MaxTextLength] : text,
                ChannelId = channelId,
                ConversationId = conversationId,
                PersonId = personId,
                Outcome = asked ? "asked" : "unknown",
                At = UtcText.Format(at),
                model?.Status,
                model?.Intent,
                // The model's command and note may repeat the message's words (a reason with a phone number): kept as the text is.
                Suggestion = model is { Commands.Count: > 0 } ? string.Join("\n", model.Commands.Select(Kept)) : null,
                Note = model?.Note is { } note ? Kept(note) : null,
            });
    }

    /// <summary>
    /// A message that is exactly a button the model suggested in this chat lately: the suggestion is
    /// marked tapped (once). Returns its intent, or null when the message was no such tap.
    /// </summary>
    public async Task<string?> MarkTappedAsync(string channelId, string conversationId, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, string Intent, string Suggestion)>(
            """
            SELECT id, model_intent, model_suggestion FROM understanding_miss
            WHERE channel_id = @ChannelId AND conversation_id = @ConversationId AND model_status = 'offered' AND tapped_at IS NULL AND at >= @Since
            ORDER BY at DESC LIMIT 5
            """,
            new { ChannelId = channelId, ConversationId = conversationId, Since = UtcText.Format(at - TapWindow) });
        // Compared as kept: a suggestion's personal data was redacted when it was stored.
        var trimmed = Kept(text.Trim());
        foreach (var row in rows)
        {
            if (row.Suggestion.Split('\n').Contains(trimmed)
                && await connection.ExecuteAsync("UPDATE understanding_miss SET tapped_at = @At WHERE id = @Id AND tapped_at IS NULL", new { row.Id, At = UtcText.Format(at) }) == 1)
            {
                return row.Intent;
            }
        }

        return null;
    }

    private static string Kept(string text) => SensitiveText.Redact(ControlCharacters.Strip(text));

    /// <summary>Per intent, the model's suggestions offered as buttons since a moment and how many were tapped.</summary>
    public async Task<IReadOnlyList<SuggestionTapRate>> TapRatesAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Intent, long Offered, long Tapped)>(
            """
            SELECT model_intent, COUNT(*), COUNT(tapped_at) FROM understanding_miss
            WHERE at >= @Since AND model_status = 'offered'
            GROUP BY model_intent ORDER BY COUNT(*) DESC, model_intent
            """,
            new { Since = UtcText.Format(since) });
        return rows.Select(r => new SuggestionTapRate(r.Intent, (int)r.Offered, (int)r.Tapped)).ToList();
    }

    /// <summary>The latest misses whose suggestion was refused by the checks or offered and not tapped (after the tap window).</summary>
    public async Task<IReadOnlyList<UnusedSuggestion>> UnusedSuggestionsAsync(DateTimeOffset since, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Text, string Status, string? Suggestion, string? Note, string At)>(
            """
            SELECT text, model_status, model_suggestion, model_note, at FROM understanding_miss
            WHERE at >= @Since AND (model_status = 'refused' OR (model_status = 'offered' AND tapped_at IS NULL AND at < @Settled))
            ORDER BY at DESC LIMIT @Limit
            """,
            new { Since = UtcText.Format(since), Settled = UtcText.Format(now - TapWindow), Limit = limit });
        return rows.Select(r => new UnusedSuggestion(r.Text, r.Status, r.Suggestion, r.Note, UtcText.Parse(r.At))).ToList();
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
