using CampaignBot.Data;

namespace CampaignBot.WeCom;

/// <summary>The msgids the WeCom channel has handled (table wecom_message): a callback retried after five seconds, a long connection's redelivery or a restart is answered once.</summary>
public sealed class WeComStore(LedgerDatabase database) : HandledMessageIds(database, "wecom_message");
