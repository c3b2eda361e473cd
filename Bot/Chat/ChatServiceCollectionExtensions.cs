using CampaignBot.Chat.Handlers;
using CampaignBot.Chat.ModelReading;
using CampaignBot.Chat.Outgoing;
using CampaignBot.Scheduling.Delivery;

namespace CampaignBot.Chat;

internal static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// The chat: the command router and its handlers (one per command family), the optional language
    /// model, and what goes out: the composer (with the notices' and the report's words), the routing
    /// to each channel's sender (robots' included), and the dispatcher that sends what the outbox holds.
    /// </summary>
    internal static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddSingleton<ChatCommandRouter>();
        services.AddSingleton<LedgerNamesCache>();
        services.AddSingleton<QueryHandler>();
        services.AddSingleton<CompletionHandler>();
        services.AddSingleton<AdministrationHandler>();
        services.AddSingleton<ExtensionHandler>();
        services.AddSingleton<HandoverHandler>();
        services.AddSingleton<SnoozeHandler>();
        services.AddSingleton<EvidenceHandler>();
        services.AddSingleton<UndoHandler>();
        services.AddSingleton<ReportHandler>();

        // Understanding:Model (issue 27): the optional language model asked about messages the rules
        // missed. Always registered; without an endpoint it is off and the router never calls it.
        services.AddOptions<ModelOptions>().BindConfiguration(ModelOptions.Section);
        // No request logging (the key is a header, the body is a person's message), no redirects
        // (a redirect could lead off the allowed host).
        services.AddHttpClient(ModelChatClient.HttpClientName).RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
        services.AddSingleton<ModelChatClient>();
        services.AddSingleton<ModelMetrics>();
        services.AddSingleton<TaskTitleMatches>();
        services.AddSingleton<ModelSuggester>();

        // What the outbox sends: written from the ledger as it is now, routed to each channel's sender.
        services.AddSingleton<IMessageComposer<OutgoingMessage>, OutgoingMessageComposer>();
        services.AddSingleton<NoticeComposer>();
        // The report's words, for the Monday send and for 本周通报 in chat.
        services.AddSingleton<WeeklyReportWriter>();
        services.AddSingleton<ChatNames>();
        services.AddSingleton<ReachReport>();
        services.AddSingleton<IMessageSender<OutgoingMessage>, RoutingMessageSender>();
        services.AddSingleton<OutboxDispatcher<OutgoingMessage>>();
        services.AddSingleton<IOutboxDispatcher>(sp => sp.GetRequiredService<OutboxDispatcher<OutgoingMessage>>());
        return services;
    }
}
