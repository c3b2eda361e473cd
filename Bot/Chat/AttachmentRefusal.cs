namespace CampaignBot.Chat;

/// <summary>Why an attachment of a message was not taken as evidence.</summary>
public enum AttachmentRefusal
{
    /// <summary>The attachment could not be read (no address, or a field of the wrong shape).</summary>
    Unreadable,

    /// <summary>Its address is not an http or https link (javascript:, file:, data: …).</summary>
    NotAWebLink,

    /// <summary>It names a file kept by this server that the sender did not upload in this chat.</summary>
    NotYourUpload,
}
