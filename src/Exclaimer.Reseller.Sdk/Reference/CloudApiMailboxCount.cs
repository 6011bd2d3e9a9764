using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// The unique mailboxes a subscription served over the last 30 days, refreshed at least daily by the Cloud API.
/// Compare with <see cref="Subscription.UserCount"/>, the licensed number.
/// </summary>
public sealed record CloudApiMailboxCount
{
    /// <summary>Mailboxes whose mail got server-side signatures (the API's <c>MailboxCount</c>).</summary>
    [JsonPropertyName("MailboxCount")]
    public int ServerSide { get; init; }

    /// <summary>Mailboxes that used client-side signatures, e.g. in Outlook (the API's <c>ClientSideMailboxCount</c>).</summary>
    [JsonPropertyName("ClientSideMailboxCount")]
    public int ClientSide { get; init; }
}
