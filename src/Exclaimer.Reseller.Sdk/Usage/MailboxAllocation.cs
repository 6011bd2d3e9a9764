using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// An Elite-programme MSP's mailbox allocation and how much of it the subscriptions license (R23;
/// <c>GET /1.0/mailbox-allocation</c>). Mailbox counts must stay within it.
/// </summary>
public sealed record MailboxAllocation
{
    /// <summary>The mailboxes the allocation allows across all subscriptions.</summary>
    [JsonPropertyName("MailboxAllocation")]
    public int Allocation { get; init; }

    /// <summary>The mailboxes licensed now.</summary>
    public int Allocated { get; init; }

    /// <summary>The mailboxes still free.</summary>
    public int Remaining { get; init; }
}
