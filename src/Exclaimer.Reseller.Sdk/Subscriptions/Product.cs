using System.Text.Json.Serialization;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>The signature product a subscription is for (R3). The Cloud API encodes it in the SKU: <c>EXCL-M-*</c> or <c>EXCL-G-*</c>.</summary>
[JsonConverter(typeof(TolerantEnumConverter<Product>))]
public enum Product
{
    /// <summary>Not given, or a product this version of the SDK does not know.</summary>
    Unknown = 0,

    /// <summary>Signatures for Microsoft 365 (Cloud API product code <c>Office365</c>, SKU letter <c>M</c>).</summary>
    [WireName("Office365")]
    Microsoft365,

    /// <summary>Signatures for Google Workspace (Cloud API product code <c>GSuite</c>, SKU letter <c>G</c>).</summary>
    [WireName("GSuite")]
    GoogleWorkspace,
}
