using System.Text.Json.Serialization;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>The state of a customer subscription, as the Cloud API reports it (R2, R15, R16).</summary>
[JsonConverter(typeof(TolerantEnumConverter<SubscriptionStatus>))]
public enum SubscriptionStatus
{
    /// <summary>A status this version of the SDK does not know; the server sent something newer.</summary>
    Unknown = 0,

    /// <summary>Signatures are applied; includes subscriptions in their trial.</summary>
    Active,

    /// <summary>Deactivated for now: no signatures, no editor access; can be reactivated.</summary>
    Suspended,

    /// <summary>Cancelled by the reseller; in the archive (R15, R16).</summary>
    Cancelled,

    /// <summary>Ended; in the archive (R16).</summary>
    Ended,
}
