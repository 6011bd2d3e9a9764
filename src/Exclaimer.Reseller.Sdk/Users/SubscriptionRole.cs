using System.Text.Json.Serialization;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>A role a user holds on a subscription (R10).</summary>
[JsonConverter(typeof(TolerantEnumConverter<SubscriptionRole>))]
public enum SubscriptionRole
{
    /// <summary>A role this version of the SDK does not know.</summary>
    Unknown = 0,

    /// <summary>Manages the subscription; the owner always holds it.</summary>
    Admin,

    /// <summary>Edits signature designs.</summary>
    Editor,
}
