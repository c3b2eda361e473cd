using System.Text.Json.Nodes;
using CampaignBot.Chat;
using CampaignBot.Chat.Replies;
using CampaignBot.Scheduling.Delivery;
using Dapper;

namespace CampaignBot.Tests.Support;

/// <summary>
/// The bot's services on the sample campaign at Monday 15 June 2026, 09:00:05 in Shanghai, with
/// office chats bound to a fake Bot Connector: what the reminder and plan-change tests start from.
/// </summary>
public sealed class MondayMorningChats : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = TestClock.Start.AddSeconds(5);

    private MondayMorningChats(FakeConnector connector, BotServices services)
    {
        Connector = connector;
        Services = services;
    }

    public FakeConnector Connector { get; }

    public BotServices Services { get; }

    /// <param name="chats">Conversation ids and the office each is bound to.</param>
    public static async Task<MondayMorningChats> StartAsync(IDictionary<string, string?> settings, params (string Chat, string Office)[] chats)
    {
        var connector = await FakeConnector.StartAsync();
        var services = await BotServices.CreateAsync(new AnchoredTimeProvider(Now), settings);
        foreach (var (chat, office) in chats)
        {
            await services.Database.BindChatAsync(chat, connector.ServiceUrl, office: office);
        }

        return new MondayMorningChats(connector, services);
    }

    /// <summary>A message as <paramref name="account"/> in a group chat of Teams, as the router answers it.</summary>
    public Task<ChatReply> SayAsync(string account, string text, string chat) =>
        Services.Get<ChatCommandRouter>().HandleAsync(new ChatRequest(text, account, "msteams", chat, true, [], null), CancellationToken.None);

    /// <summary>Sends what the outbox holds now.</summary>
    public Task DispatchAsync() => Services.Get<IOutboxDispatcher>().DispatchAsync(CancellationToken.None);

    /// <summary>One value read from the ledger.</summary>
    public async Task<T> LedgerAsync<T>(string sql)
    {
        await using var connection = await Services.Database.OpenAsync();
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }

    /// <summary>An activity's text as the connector received it.</summary>
    public static string Text(JsonNode activity) => activity["text"]?.GetValue<string>() ?? "";

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
