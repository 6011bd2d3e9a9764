using System.Collections.Generic;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>The SPF step's failures against DNS (R14), each saying what DNS did and what to do; nothing is proposed.</summary>
internal static class SpfErrors
{
    private const string AskOthers = "Try again later, or ask other name servers (SpfRecordOptions.NameServers).";

    /// <summary>The domain publishes several records: a permerror for every message, so there is nothing sound to merge into.</summary>
    public static ResellerValidationException MoreThanOneRecord(string domain, IReadOnlyList<string> records, string subscriptionId) =>
        new(
            "CurrentRecord",
            "R14",
            $"{domain} publishes {records.Count} SPF records ({string.Join(", ", records.Select(record => "'" + record + "'"))}), and RFC 7208 section 4.5 "
            + "makes that a permerror for every message, so no record was proposed (R14). Remove all but one from DNS, "
            + "or give CurrentRecord the one to keep.",
            ResellerErrorCodes.SpfMoreThanOneRecord,
            subscriptionId);

    /// <summary>The record could not be read: a temperror, which is not "no record" (RFC 7208 section 4.4).</summary>
    public static ResellerException RecordNotRead(string domain, string? reason, string subscriptionId) =>
        new(
            0,
            ResellerErrorCodes.SpfDnsLookupFailed,
            $"The SPF record of {domain} could not be read from DNS: {reason ?? "DNS failed"}. A failed lookup does not mean the "
            + "domain has no record (RFC 7208 section 4.4: temperror), so no record was proposed (R14). " + AskOthers,
            target: subscriptionId);

    /// <summary>The proposal's lookups could not all be made, so its cost is not known.</summary>
    public static ResellerException NotCounted(string domain, string proposedRecord, string? reason, string subscriptionId) =>
        new(
            0,
            ResellerErrorCodes.SpfDnsLookupFailed,
            $"The DNS lookups of the SPF record proposed for {domain} ('{proposedRecord}') could not be counted: {reason ?? "DNS failed"}. "
            + "Without the count it might break RFC 7208's limit of 10 (section 4.6.4), so it was not proposed (R14). " + AskOthers,
            target: subscriptionId);

    /// <summary>DNS as it is shows the proposal would be a permerror: over a limit, a loop, an include without a record.</summary>
    public static ResellerValidationException RefusedByDns(string domain, string proposedRecord, string? reason, string subscriptionId) =>
        new(
            "CurrentRecord",
            "R14",
            $"The SPF record for {domain} was not changed: against DNS as it is now, the proposed record ('{proposedRecord}') "
            + $"breaks RFC 7208: {reason ?? "a permerror"} (R14).",
            ResellerErrorCodes.SpfRecordRefused,
            subscriptionId);
}
