using Dapper;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Tests.Security;

/// <summary>What an attack must not change: tasks, people's accounts, chats, robots, evidence and audit.</summary>
public static class LedgerSnapshot
{
    public static string Of(SqliteConnection ledger) => string.Join("\n",
        ledger.Query<string>("SELECT code || ':' || status FROM task ORDER BY code").Concat(
        ledger.Query<string>("SELECT account_id || ':' || person_id FROM channel_account ORDER BY account_id")).Concat(
        ledger.Query<string>("SELECT channel_id || '/' || conversation_id || ':' || COALESCE(service_url, '') || ':' || COALESCE(bound_office_id, '') FROM conversation ORDER BY 1")).Concat(
        ledger.Query<string>("SELECT id || ':' || url FROM robot ORDER BY id")).Concat(
        ledger.Query<string>("SELECT id || ':' || task_id || ':' || COALESCE(attachment_id, '') FROM evidence ORDER BY id")).Concat(
        ledger.Query<string>("SELECT id || ':' || action FROM audit ORDER BY id")));
}
