using Exclaimer.Reseller;
using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Sdk.LocalEngine;

/// <summary>
/// Picks a data centre from the customer's country, as the Cloud API does when none is given (R3). The
/// Cloud API does not publish its table; this one is ours (documented in the README): the country's own
/// data centre where there is one, EU for the rest of Europe, US otherwise.
/// </summary>
internal static class DataCenterDefaults
{
    private static readonly Dictionary<string, DataCenter> ByCountry = Build();

    /// <summary>The data centre for any form of an ISO 3166-1 code (alpha-2, alpha-3 or numeric).</summary>
    public static DataCenter ForCountry(string countryCode) =>
        CountryCodes.TryGetAlpha2(countryCode, out var alpha2) && ByCountry.TryGetValue(alpha2, out var dataCenter) ? dataCenter : DataCenter.US;

    private static Dictionary<string, DataCenter> Build()
    {
        var map = new Dictionary<string, DataCenter>(StringComparer.OrdinalIgnoreCase);
        void Add(DataCenter dataCenter, params string[] codes)
        {
            foreach (var code in codes)
            {
                map[code] = dataCenter;
            }
        }

        Add(DataCenter.UK, "GB", "IM", "JE", "GG");
        Add(DataCenter.US, "US");
        Add(DataCenter.AUS, "AU", "NZ");
        Add(DataCenter.CAN, "CA");
        Add(DataCenter.DE, "DE");
        Add(DataCenter.IND, "AE", "IN", "SA", "QA", "KW", "BH", "OM");
        Add(
            DataCenter.EU,
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE",
            "FI", "FR", "GR", "HU", "IE", "IT", "LV", "LT",
            "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI",
            "ES", "SE", "NO", "IS", "LI", "CH");
        return map;
    }
}
