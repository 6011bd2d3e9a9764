using System;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// How signatures are deployed when a subscription is started (R11): any one, any combination, or all three.
/// </summary>
[Flags]
[JsonConverter(typeof(JsonStringEnumConverter<DeploymentOptions>))]
public enum DeploymentOptions
{
    /// <summary>Not configured yet.</summary>
    None = 0,

    /// <summary>Server-side signatures: mail is routed through Exclaimer (needs the SPF include, R14).</summary>
    ServerSide = 1,

    /// <summary>Client-side signatures, added in Outlook or Gmail as the user writes.</summary>
    ClientSide = 2,

    /// <summary>Exchange on-premises (Microsoft 365 only).</summary>
    ExchangeOnPremises = 4,
}
