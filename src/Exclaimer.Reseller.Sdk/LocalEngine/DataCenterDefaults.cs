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

    public static DataCenter ForCountry(string countryCode) =>
        ByCountry.TryGetValue(countryCode, out var dataCenter) ? dataCenter : DataCenter.US;

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

        Add(DataCenter.UK, "GB", "GBR", "UK", "826", "IM", "IMN", "JE", "JEY", "GG", "GGY");
        Add(DataCenter.US, "US", "USA", "840");
        Add(DataCenter.AUS, "AU", "AUS", "036", "NZ", "NZL", "554");
        Add(DataCenter.CAN, "CA", "CAN", "124");
        Add(DataCenter.DE, "DE", "DEU", "276");
        Add(DataCenter.IND, "AE", "ARE", "784", "IN", "IND", "356", "SA", "SAU", "QA", "QAT", "KW", "KWT", "BH", "BHR", "OM", "OMN");
        Add(
            DataCenter.EU,
            "AT", "AUT", "BE", "BEL", "BG", "BGR", "HR", "HRV", "CY", "CYP", "CZ", "CZE", "DK", "DNK", "EE", "EST",
            "FI", "FIN", "FR", "FRA", "GR", "GRC", "HU", "HUN", "IE", "IRL", "IT", "ITA", "LV", "LVA", "LT", "LTU",
            "LU", "LUX", "MT", "MLT", "NL", "NLD", "PL", "POL", "PT", "PRT", "RO", "ROU", "SK", "SVK", "SI", "SVN",
            "ES", "ESP", "SE", "SWE", "NO", "NOR", "IS", "ISL", "LI", "LIE", "CH", "CHE");
        return map;
    }
}
