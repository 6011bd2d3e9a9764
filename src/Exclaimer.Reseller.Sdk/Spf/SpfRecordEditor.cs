using System;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// Adds the Exclaimer include to a domain's SPF record (rule R14), refusing any result that breaks RFC 7208.
/// </summary>
internal static class SpfRecordEditor
{
    /// <summary>
    /// Proposes the domain's record with <c>include:<paramref name="includeDomain"/></c> added right after the
    /// mail service's include, or else before <c>all</c>, every other term kept as written.
    /// </summary>
    /// <param name="currentRecord">
    /// The domain's current SPF record as pasted, quotes and multi-string form allowed; null or blank when it has none,
    /// in which case a new record is proposed.
    /// </param>
    /// <param name="includeDomain">The Exclaimer include, e.g. <c>spf.eu.exclaimer.net</c> from <see cref="SpfRegion"/>.</param>
    /// <param name="service">The service the domain sends through.</param>
    /// <returns>The proposed record; <see cref="SpfEdit.Changed"/> is false when the include was already there.</returns>
    /// <exception cref="SpfRecordException">The current record or the result breaks RFC 7208; nothing is proposed.</exception>
    /// <exception cref="ArgumentException"><paramref name="includeDomain"/> is not a domain.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="service"/> is not a defined value.</exception>
    public static SpfEdit AddInclude(string? currentRecord, string includeDomain, SpfSendingService service)
    {
        if (!SpfDomainSpec.IsValid(includeDomain))
        {
            throw new ArgumentException($"'{includeDomain}' is not a domain.", nameof(includeDomain));
        }

        string serviceInclude = ServiceIncludeFor(service);
        if (currentRecord is null || currentRecord.Trim().Length == 0)
        {
            // "~all" (softfail) for a domain that had no record: mail from senders not listed yet is marked, not lost.
            return Propose(SpfRecord.Parse($"v=spf1 include:{serviceInclude} include:{includeDomain} ~all"), changed: true);
        }

        SpfRecord current = SpfRecord.Parse(SpfRecordText.Normalize(currentRecord));
        if (current.Terms.FirstOrDefault(term => IsInclude(term, includeDomain)) is { } existing)
        {
            // Already there, but only a pass ("+" or none) lets mail through Exclaimer; "-", "~" or "?" would
            // fail or flag exactly the mail server-side signatures send.
            if (existing.Text[0] is '-' or '~' or '?')
            {
                throw new SpfRecordException("4.6.2", $"'{existing.Text}' is already in the record with the qualifier '{existing.Text[0]}', which would fail or flag the mail Exclaimer sends; remove the qualifier");
            }

            return Propose(current, changed: false);
        }

        // Adding a term cannot repair a rule the current record breaks, so checking the result covers both.
        return Propose(current.Insert(InsertionIndex(current, serviceInclude), SpfTerm.Parse("include:" + includeDomain)), changed: true);
    }

    /// <summary>Enforces the whole-record rules on the record and wraps it as the proposal.</summary>
    private static SpfEdit Propose(SpfRecord record, bool changed)
    {
        SpfRecordRules.Enforce(record);
        return new SpfEdit(record.ToString(), changed, record.DnsLookupCount);
    }

    /// <summary>
    /// Right after the service's include; else where <c>all</c> is, so the include is still evaluated before it;
    /// else after the last mechanism, since modifiers such as redirect only act when no mechanism matched.
    /// </summary>
    private static int InsertionIndex(SpfRecord record, string serviceInclude)
    {
        var terms = record.Terms.ToList();
        int service = terms.FindIndex(term => IsInclude(term, serviceInclude));
        if (service >= 0)
        {
            return service + 1;
        }

        int all = terms.FindIndex(term => term is SpfMechanism { Kind: SpfMechanismKind.All });
        return all >= 0 ? all : terms.FindLastIndex(term => term is SpfMechanism) + 1;
    }

    /// <summary>Whether the term includes the domain, whatever its qualifier, case or trailing dot.</summary>
    private static bool IsInclude(SpfTerm term, string domain) =>
        term is SpfMechanism { Kind: SpfMechanismKind.Include } include && SpfDomainSpec.AreSameDomain(include.Domain!, domain);

    /// <summary>The include each service publishes for its own senders.</summary>
    private static string ServiceIncludeFor(SpfSendingService service) => service switch
    {
        SpfSendingService.Microsoft365 => "spf.protection.outlook.com",
        SpfSendingService.GoogleWorkspace => "_spf.google.com",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, "Unknown sending service."),
    };
}
