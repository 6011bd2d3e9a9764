using System.Text.Json.Serialization;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>Where the customer's invitation stands (R6).</summary>
[JsonConverter(typeof(TolerantEnumConverter<InvitationStatus>))]
public enum InvitationStatus
{
    /// <summary>No invitation: the subscription has no customer access (R4), or the transport cannot tell.</summary>
    None = 0,

    /// <summary>Sent; the customer has not yet accepted it. It can be sent again.</summary>
    Pending,

    /// <summary>The customer accepted it and has a login.</summary>
    Accepted,

    /// <summary>The subscription exists but the invitation could not be sent (or was not sent yet); send it again.</summary>
    Failed,
}
