using CampaignBot.Chat.Replies;
using CampaignBot.Data;
using CampaignBot.Scheduling.Reminders;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Reminders;

/// <summary>
/// Notices (a chat removed, a deadline request, a task handed over) go through the same outbox as
/// reminders, written in the transaction of the change they tell about, so a crash never loses or
/// invents one. A notice may offer reply buttons, written on its last line as [[label|command]].
/// </summary>
public static class Notices
{
    public static string Button(string label, string command) => $"[[{label}|{command}]]";

    public static Task EnqueueAsync(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<string> targets, string body, DateTimeOffset now, TimeZoneInfo zone) =>
        connection.ExecuteAsync(
            """
            INSERT INTO outbox_message (target, kind, send_day, planned_at, body, updated_at)
            VALUES (@Target, 'notice', @Day, @Now, @Body, @Now)
            """,
            targets.Distinct().Select(t => new { Target = t, Day = SendSchedule.LocalDay(now, zone), Now = UtcText.Format(now), Body = body }), transaction);

    /// <summary>The chats bound to the leadership group office (the coordinators').</summary>
    public static async Task<IReadOnlyList<string>> LeadershipChatsAsync(SqliteConnection connection, SqliteTransaction transaction) =>
        (await connection.QueryAsync<(string ChannelId, string ConversationId)>(
            """
            SELECT c.channel_id, c.conversation_id FROM conversation c JOIN office o ON o.id = c.bound_office_id
            WHERE o.kind = 'leadership' AND c.removed_at IS NULL
            """, transaction: transaction)).Select(c => new ChatTarget(c.ChannelId, c.ConversationId).Key).ToList();

    /// <summary>The chats bound to an office.</summary>
    public static async Task<IReadOnlyList<string>> OfficeChatsAsync(SqliteConnection connection, SqliteTransaction transaction, long officeId) =>
        (await connection.QueryAsync<(string ChannelId, string ConversationId)>(
            "SELECT channel_id, conversation_id FROM conversation WHERE bound_office_id = @OfficeId AND removed_at IS NULL",
            new { OfficeId = officeId }, transaction)).Select(c => new ChatTarget(c.ChannelId, c.ConversationId).Key).ToList();

    /// <summary>A notice's text and its buttons, for the chat.</summary>
    public static ChatReply Render(string body)
    {
        var lines = body.Split('\n').ToList();
        var buttons = new List<ReplyAction>();
        if (lines.Count > 1 && lines[^1].StartsWith("[[", StringComparison.Ordinal))
        {
            foreach (var token in lines[^1].Split("]]", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = token.TrimStart('[').Split('|', 2);
                buttons.Add(new ReplyAction(parts[0], parts.Length > 1 ? parts[1] : parts[0]));
            }

            lines.RemoveAt(lines.Count - 1);
        }

        return buttons.Count == 0
            ? new ChatReply(string.Join("\n", lines))
            : new ChatReply(lines[0]) { Items = [new ReplyItem(lines.Count > 1 ? lines[1] : lines[0], string.Join("\n", lines.Skip(2)), buttons)] };
    }
}
