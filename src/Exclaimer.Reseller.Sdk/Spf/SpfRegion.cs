using System;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>Which Exclaimer SPF include a subscription's data centre needs (rule R14).</summary>
internal static class SpfRegion
{
    /// <summary>Returns the include domain for a data centre code, e.g. <c>spf.eu.exclaimer.net</c> for <c>EU</c>.</summary>
    /// <param name="dataCenterCode">The subscription's data centre code; case does not matter.</param>
    /// <exception cref="ArgumentOutOfRangeException">The code is not a known data centre.</exception>
    public static string IncludeDomainFor(string dataCenterCode)
    {
        return dataCenterCode.ToUpperInvariant() switch
        {
            "EU" => "spf.eu.exclaimer.net",
            "UK" => "spf.uk.exclaimer.net",
            "US" => "spf.us.exclaimer.net",
            "AUS" => "spf.au.exclaimer.net",
            "CAN" => "spf.ca.exclaimer.net",
            "IND" => "spf.uae.exclaimer.net",

            // An assumption: Exclaimer publishes no German include, and Germany is served from the EU region.
            "DE" => "spf.eu.exclaimer.net",
            _ => throw new ArgumentOutOfRangeException(nameof(dataCenterCode), dataCenterCode, "Unknown data centre code."),
        };
    }
}
