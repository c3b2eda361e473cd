using System.Net;
using CampaignBot.Security;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace CampaignBot.DirectLine;

/// <summary>
/// The connector client of the embedded channel's turns and proactive messages in this process:
/// what the bot sends goes straight into the channel's store (no HTTP hop, no serialisation to a
/// request). It answers as the connector endpoint did: 404 for a conversation the store does not
/// have (the outbox then unbinds the chat), and only sending is supported.
/// </summary>
public sealed class StoreConnectorClient(DirectLineStore store, BotActivityWriter writer) : IConnectorClient, IConversations
{
    private static readonly Uri Base = new(EmbeddedChannelIdentity.ServiceUrl);

    public Uri BaseUri { get => Base; set => throw new NotSupportedException("The embedded channel has no address."); }

    public JsonSerializerSettings SerializationSettings { get; } = new();

    public JsonSerializerSettings DeserializationSettings { get; } = new();

    public ServiceClientCredentials Credentials { get; } = new NoCredentials();

    public IAttachments Attachments => throw new NotSupportedException("The embedded channel's files are served by its own endpoint.");

    public IConversations Conversations => this;

    public Task<HttpOperationResponse<ResourceResponse>> SendToConversationWithHttpMessagesAsync(
        string conversationId, Activity activity, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        WriteAsync(conversationId, activity, cancellationToken);

    public Task<HttpOperationResponse<ResourceResponse>> ReplyToActivityWithHttpMessagesAsync(
        string conversationId, string activityId, Activity activity, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        WriteAsync(conversationId, activity, cancellationToken);

    private async Task<HttpOperationResponse<ResourceResponse>> WriteAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversation = await store.FindAsync(conversationId, cancellationToken) ?? throw NotFound();
        var id = await writer.WriteAsync(conversation, activity, cancellationToken);
        return new HttpOperationResponse<ResourceResponse> { Body = new ResourceResponse(id) };
    }

    /// <summary>As a cloud channel answers for a conversation that is gone (BotFrameworkSender reads it as "target gone").</summary>
    private static ErrorResponseException NotFound() => new("No such conversation.")
    {
        Response = new HttpResponseMessageWrapper(new HttpResponseMessage(HttpStatusCode.NotFound) { ReasonPhrase = "Not Found" }, string.Empty),
        Body = new ErrorResponse(new Error("NotFound", "No such conversation.")),
    };

    public Task<HttpOperationResponse<ConversationsResult>> GetConversationsWithHttpMessagesAsync(string? continuationToken = null, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw Unsupported();

    public Task<HttpOperationResponse<ConversationResourceResponse>> CreateConversationWithHttpMessagesAsync(ConversationParameters parameters, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw Unsupported();

    public Task<HttpOperationResponse<ResourceResponse>> SendConversationHistoryWithHttpMessagesAsync(string conversationId, Transcript transcript, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw Unsupported();

    public Task<HttpOperationResponse<ResourceResponse>> UpdateActivityWithHttpMessagesAsync(string conversationId, string activityId, Activity activity, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw Unsupported();

    public Task<HttpOperationResponse> DeleteActivityWithHttpMessagesAsync(string conversationId, string activityId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw Unsupported();

    public Task<HttpOperationResponse<IList<ChannelAccount>>> GetConversationMembersWithHttpMessagesAsync(string conversationId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw Unsupported();

    public Task<HttpOperationResponse<PagedMembersResult>> GetConversationPagedMembersWithHttpMessagesAsync(string conversationId, int? pageSize = null, string? continuationToken = null, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw Unsupported();

    public Task<HttpOperationResponse> DeleteConversationMemberWithHttpMessagesAsync(string conversationId, string memberId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw Unsupported();

    public Task<HttpOperationResponse<IList<ChannelAccount>>> GetActivityMembersWithHttpMessagesAsync(string conversationId, string activityId, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw Unsupported();

    public Task<HttpOperationResponse<ResourceResponse>> UploadAttachmentWithHttpMessagesAsync(string conversationId, AttachmentData attachmentUpload, Dictionary<string, List<string>>? customHeaders = null, CancellationToken cancellationToken = default) =>
        throw Unsupported();

    private static NotSupportedException Unsupported() => new("The embedded Direct Line channel only takes the bot's activities.");

    /// <summary>Nothing to sign: the client never leaves the process.</summary>
    public void Dispose()
    {
    }

    private sealed class NoCredentials : ServiceClientCredentials;
}
