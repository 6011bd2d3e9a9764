using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// The DNS lookups that well-known includes cost beyond their own (RFC 7208 section 4.6.4),
/// so the 10-lookup limit can be checked without querying DNS.
/// </summary>
internal static class KnownSpfIncludes
{
    /// <summary>Nested lookups by include domain, as the providers published them when this table was written.</summary>
    private static readonly Dictionary<string, int> NestedLookupsByDomain = new(StringComparer.OrdinalIgnoreCase)
    {
        ["spf.protection.outlook.com"] = 1, // includes spfd.protection.outlook.com
        ["_spf.google.com"] = 3, // includes _netblocks, _netblocks2 and _netblocks3.google.com
        ["spf.eu.exclaimer.net"] = 0,
        ["spf.uk.exclaimer.net"] = 0,
        ["spf.us.exclaimer.net"] = 0,
        ["spf.au.exclaimer.net"] = 0,
        ["spf.ca.exclaimer.net"] = 0,
        ["spf.uae.exclaimer.net"] = 0,
        ["spf.mandrillapp.com"] = 0,
        ["sendgrid.net"] = 0,
        ["mailgun.org"] = 2, // two nested includes, through _spf.mailgun.org
        ["servers.mcsv.net"] = 0,
        ["_spf.salesforce.com"] = 0,
        ["amazonses.com"] = 0,
        ["spf.messagelabs.com"] = 0,
    };

    /// <summary>
    /// Returns the lookups the domain's own record makes; 0 for a domain not in the table,
    /// which makes every total computed with it a lower bound.
    /// </summary>
    /// <param name="domain">An include or redirect target; case and a trailing dot are ignored.</param>
    public static int NestedLookups(string domain) =>
        NestedLookupsByDomain.TryGetValue(domain.TrimEnd('.'), out int lookups) ? lookups : 0;
}
