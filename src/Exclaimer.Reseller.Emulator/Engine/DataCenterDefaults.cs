using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <summary>
/// Picks a data centre from the customer's country, as the Cloud API does when none is given (R3). The Cloud API does
/// not publish its table; this one is ours (documented in docs/emulator.md): the country's own data centre where there
/// is one, EU for the rest of Europe, US otherwise.
/// </summary>
internal static class DataCenterDefaults
{
    private static readonly Dictionary<string, string> ByCountry = Build();

    /// <summary>The data centre for any form of an ISO 3166-1 code (alpha-2, alpha-3 or numeric).</summary>
    public static string ForCountry(string countryCode) =>
        CountryCodes.TryGetAlpha2(countryCode, out var alpha2) && ByCountry.TryGetValue(alpha2, out var dataCenter) ? dataCenter : "US";

    private static Dictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string dataCenter, params string[] codes)
        {
            foreach (var code in codes)
            {
                map[code] = dataCenter;
            }
        }

        Add("UK", "GB", "IM", "JE", "GG");
        Add("US", "US");
        Add("AUS", "AU", "NZ");
        Add("CAN", "CA");
        Add("DE", "DE");
        Add("IND", "AE", "IN", "SA", "QA", "KW", "BH", "OM");
        Add(
            "EU",
            "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE",
            "FI", "FR", "GR", "HU", "IE", "IT", "LV", "LT",
            "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI",
            "ES", "SE", "NO", "IS", "LI", "CH");
        return map;
    }
}
