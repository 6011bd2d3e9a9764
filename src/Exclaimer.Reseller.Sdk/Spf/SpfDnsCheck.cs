using System;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// The part of the SPF step (R14) that asks DNS: the record the domain publishes now, and what the proposal really
/// costs once every include and redirect is resolved. The merge itself stays the record editor's (<see cref="SpfProposal"/>).
/// </summary>
internal static class SpfDnsCheck
{
    /// <summary>
    /// The domain's record as DNS publishes it; <see langword="null"/> only when the domain does not exist or has no
    /// SPF record. Several records, a failure or a timeout are errors: proposing a fresh record then would replace the
    /// customer's real one.
    /// </summary>
    public static async Task<string?> CurrentRecordAsync(SpfChecker checker, string domain, string subscriptionId, CancellationToken cancellationToken)
    {
        SpfRecordLookup lookup;
        try
        {
            lookup = await checker.GetRecordAsync(domain, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // No name server given and none on the machine.
            throw SpfErrors.RecordNotRead(domain, ex.Message, subscriptionId);
        }

        return lookup.Status switch
        {
            SpfRecordStatus.Found => lookup.Record,
            SpfRecordStatus.NoRecord or SpfRecordStatus.NoSuchDomain => null,
            SpfRecordStatus.MoreThanOneRecord => throw SpfErrors.MoreThanOneRecord(domain, lookup.Records, subscriptionId),
            _ => throw SpfErrors.RecordNotRead(domain, lookup.Reason, subscriptionId),
        };
    }

    /// <summary>The proposal with its real lookup count; refused when DNS shows it breaks RFC 7208, an error when DNS did not answer.</summary>
    public static async Task<SpfRecordUpdate> CountAsync(SpfChecker checker, SpfRecordUpdate proposal, CancellationToken cancellationToken)
    {
        SpfLookupCount count;
        try
        {
            count = await checker.CountLookupsAsync(proposal.ProposedRecord, proposal.Domain, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw SpfErrors.NotCounted(proposal.Domain, proposal.ProposedRecord, ex.Message, proposal.SubscriptionId);
        }

        return count.Error switch
        {
            null => proposal with { DnsLookupCount = count.DnsLookups },
            SpfResult.TempError => throw SpfErrors.NotCounted(proposal.Domain, proposal.ProposedRecord, count.Reason, proposal.SubscriptionId),
            _ => throw SpfErrors.RefusedByDns(proposal.Domain, proposal.ProposedRecord, count.Reason, proposal.SubscriptionId),
        };
    }
}
