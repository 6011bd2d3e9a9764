using System.Text.Json.Serialization;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>The feature tier of a subscription (R3). When none is given, <see cref="Standard"/> is used.</summary>
[JsonConverter(typeof(TolerantEnumConverter<Tier>))]
public enum Tier
{
    /// <summary>Not given, or a tier this version of the SDK does not know (including the Cloud API's deprecated tiers).</summary>
    Unknown = 0,

    /// <summary>Exclaimer Starter (SKU part <c>START</c>).</summary>
    [WireName("ExclaimerStarter")]
    Starter,

    /// <summary>Exclaimer Standard (SKU part <c>STAND</c>); the default.</summary>
    [WireName("ExclaimerStandard")]
    Standard,

    /// <summary>Exclaimer Pro (SKU part <c>PRO</c>).</summary>
    [WireName("ExclaimerPro")]
    Pro,
}
