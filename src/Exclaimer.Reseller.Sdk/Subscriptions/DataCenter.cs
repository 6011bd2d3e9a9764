using System.Text.Json.Serialization;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Where a subscription's data and mail processing live (R3). It also picks the SPF include
/// (<c>include:spf.&lt;region&gt;.exclaimer.net</c>, R14).
/// </summary>
[JsonConverter(typeof(TolerantEnumConverter<DataCenter>))]
public enum DataCenter
{
    /// <summary>Not given, or a data centre this version of the SDK does not know.</summary>
    Unknown = 0,

    /// <summary>European Union.</summary>
    EU,

    /// <summary>United Kingdom.</summary>
    UK,

    /// <summary>United States.</summary>
    US,

    /// <summary>Australia.</summary>
    AUS,

    /// <summary>Canada.</summary>
    CAN,

    /// <summary>Germany.</summary>
    DE,

    /// <summary>United Arab Emirates (the Cloud API's code is <c>IND</c>).</summary>
    IND,
}
