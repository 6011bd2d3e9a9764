namespace Exclaimer.Reseller.Tests.Dns;

/// <summary>
/// The SPF records of the mail services resellers' customers use, with the nested structure the providers
/// publish: Microsoft 365 includes one more record, Google Workspace three. The Microsoft and Google networks
/// are the published ones; the others stand in with documentation ranges (RFC 5737, RFC 3849).
/// </summary>
internal static class ProviderZone
{
    /// <summary>An address inside Microsoft 365's published ranges (40.92.0.0/15).</summary>
    public const string Microsoft365Sender = "40.92.4.20";

    /// <summary>An address inside Google's published ranges (209.85.128.0/17, in _netblocks).</summary>
    public const string GoogleSender = "209.85.220.41";

    /// <summary>An address inside the stand-in Exclaimer EU range.</summary>
    public const string ExclaimerSender = "198.51.100.25";

    /// <summary>An address nobody lists.</summary>
    public const string Stranger = "203.0.113.66";

    /// <summary>A zone with every provider's records; add the customers' domains to it.</summary>
    public static TestZone Create() => new TestZone()
        .Txt("spf.protection.outlook.com", "v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/15 ip4:52.102.0.0/16 ip4:52.103.0.0/16 ip4:104.47.0.0/17 ip6:2a01:111:f400::/48 ip6:2a01:111:f403::/49 ip6:2a01:111:f403:8000::/51 ip6:2a01:111:f403:c000::/51 ip6:2a01:111:f403:f000::/52 include:spfd.protection.outlook.com -all")
        .Txt("spfd.protection.outlook.com", "v=spf1 ip4:51.4.72.0/24 ip4:51.5.72.0/24 ip4:51.5.80.0/27 ip4:51.4.80.0/27 ip6:2a01:4180:4051:0800::/64 ip6:2a01:4180:4050:0800::/64 ip6:2a01:4180:4051:0400::/64 ip6:2a01:4180:4050:0400::/64 -all")
        .Txt("_spf.google.com", "v=spf1 include:_netblocks.google.com include:_netblocks2.google.com include:_netblocks3.google.com ~all")
        .Txt("_netblocks.google.com", "v=spf1 ip4:35.190.247.0/24 ip4:64.233.160.0/19 ip4:66.102.0.0/20 ip4:66.249.80.0/20 ip4:72.14.192.0/18 ip4:74.125.0.0/16 ip4:108.177.8.0/21 ip4:173.194.0.0/16 ip4:209.85.128.0/17 ip4:216.58.192.0/19 ip4:216.239.32.0/19 ~all")
        .Txt("_netblocks2.google.com", "v=spf1 ip6:2001:4860:4000::/36 ip6:2404:6800:4000::/36 ip6:2607:f8b0:4000::/36 ip6:2800:3f0:4000::/36 ip6:2a00:1450:4000::/36 ip6:2c0f:fb50:4000::/36 ~all")
        .Txt("_netblocks3.google.com", "v=spf1 ip4:172.217.0.0/19 ip4:172.217.32.0/20 ip4:172.217.128.0/19 ip4:172.217.160.0/20 ip4:172.217.192.0/19 ip4:172.253.56.0/21 ip4:172.253.112.0/20 ip4:108.177.96.0/19 ip4:35.191.0.0/16 ip4:130.211.0.0/22 ~all")
        .Txt("spf.eu.exclaimer.net", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:e0::/48 -all")
        .Txt("spf.uk.exclaimer.net", "v=spf1 ip4:198.51.101.0/24 -all")

        // The other regions' includes (R14), so a subscription in any data centre can be proposed for.
        .Txt("spf.us.exclaimer.net", "v=spf1 ip6:2001:db8:e1::/48 -all")
        .Txt("spf.au.exclaimer.net", "v=spf1 ip6:2001:db8:e2::/48 -all")
        .Txt("spf.ca.exclaimer.net", "v=spf1 ip6:2001:db8:e3::/48 -all")
        .Txt("spf.uae.exclaimer.net", "v=spf1 ip6:2001:db8:e4::/48 -all")
        .Txt("sendgrid.net", "v=spf1 ip4:192.0.2.0/26 ip4:192.0.2.64/26 -all")
        .Txt("servers.mcsv.net", "v=spf1 ip4:192.0.2.128/26 -all")
        .Txt("mailgun.org", "v=spf1 include:_spf.mailgun.org ~all")
        .Txt("_spf.mailgun.org", "v=spf1 include:_spf.eu.mailgun.org ip4:192.0.2.192/27 ~all")
        .Txt("_spf.eu.mailgun.org", "v=spf1 ip4:192.0.2.224/27 ~all")

        // A CRM whose include the editor does not know: it nests four deep, which only DNS can tell.
        .Txt("_spf.crm.example", "v=spf1 include:_spf1.crm.example include:_spf2.crm.example ~all")
        .Txt("_spf1.crm.example", "v=spf1 include:_spf3.crm.example ip4:198.51.102.0/25 ~all")
        .Txt("_spf2.crm.example", "v=spf1 ip4:198.51.102.128/25 ~all")
        .Txt("_spf3.crm.example", "v=spf1 include:_spf4.crm.example ~all")
        .Txt("_spf4.crm.example", "v=spf1 ip4:198.51.103.0/24 ~all");
}
