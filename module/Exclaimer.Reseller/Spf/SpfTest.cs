using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Output;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.Spf;

namespace Exclaimer.Reseller.PowerShell.Spf;

/// <summary>
/// The checks behind <c>Test-ResellerSpfRecord</c> (R14), on the SDK's public <see cref="SpfChecker"/> and client:
/// RFC 7208's check_host for an address, or the record itself (found once, within the limits, and holding the
/// subscription's Exclaimer include when one is named).
/// </summary>
internal static class SpfTest
{
    /// <summary>check_host for the address: the RFC's result, the record, the lookups it took and a fail's explanation.</summary>
    public static async Task<SpfTestResult> HostAsync(SpfChecker checker, IPAddress address, string domain, string? sender, string? helo, CancellationToken cancellationToken)
    {
        var check = await WithResolvers(() => checker.CheckHostAsync(address, domain, sender, helo, cancellationToken)).ConfigureAwait(false);
        return new SpfTestResult
        {
            Domain = domain,
            IPAddress = check.IPAddress.ToString(),
            Result = check.ResultName,
            Record = check.Record,
            DnsLookups = check.DnsLookups,
            VoidLookups = check.VoidLookups,
            Explanation = check.Explanation,
            Reason = check.Reason,
        };
    }

    /// <summary>
    /// The record itself: <c>none</c> without one, <c>permerror</c> when it is broken (two records, its syntax, over
    /// a limit, a loop), <c>temperror</c> when DNS did not answer, <c>fail</c> when it lacks the subscription's
    /// Exclaimer include (<paramref name="propose"/>, given the record), else <c>pass</c>. A refusal's message is
    /// told through <paramref name="inCallersTerms"/>, so it names the cmdlet's parameters.
    /// </summary>
    public static async Task<SpfTestResult> RecordAsync(
        SpfChecker checker,
        string domain,
        string? subscriptionId,
        Func<string, CancellationToken, Task<SpfRecordUpdate>>? propose,
        Func<string, string> inCallersTerms,
        CancellationToken cancellationToken)
    {
        var lookup = await WithResolvers(() => checker.GetRecordAsync(domain, cancellationToken)).ConfigureAwait(false);
        var result = new SpfTestResult { Domain = domain, Record = lookup.Record, Reason = lookup.Reason };
        switch (lookup.Status)
        {
            case SpfRecordStatus.NoRecord or SpfRecordStatus.NoSuchDomain:
                result.Result = "none";
                if (subscriptionId is not null)
                {
                    result.Reason += $"; subscription '{subscriptionId}' needs one with its Exclaimer include (Update-ResellerSpfRecord proposes it)";
                }

                return result;
            case SpfRecordStatus.MoreThanOneRecord:
                result.Result = "permerror";
                result.Reason += ": " + string.Join(" | ", lookup.Records);
                return result;
            case SpfRecordStatus.TemporaryError:
                result.Result = "temperror";
                return result;
        }

        var count = await WithResolvers(() => checker.CountLookupsAsync(lookup.Record!, domain, cancellationToken)).ConfigureAwait(false);
        result.DnsLookups = count.DnsLookups;
        result.VoidLookups = count.VoidLookups;
        result.Reason = count.Reason;
        if (count.Error is { } error)
        {
            result.Result = error == SpfResult.TempError ? "temperror" : "permerror";
            return result;
        }

        result.Result = "pass";
        if (propose is null)
        {
            return result;
        }

        try
        {
            var update = await propose(lookup.Record!, cancellationToken).ConfigureAwait(false);
            if (update.Changed)
            {
                result.Result = "fail";
                result.Reason = $"the record lacks {update.Include}, which subscription '{subscriptionId}' needs for server-side signatures (R14); "
                    + $"Update-ResellerSpfRecord proposes '{update.ProposedRecord}'";
            }
        }
        catch (ResellerValidationException refused) when (refused.ErrorCode == ResellerErrorCodes.SpfRecordRefused)
        {
            result.Result = "fail";
            result.Reason = $"subscription '{subscriptionId}' needs its Exclaimer include, and it cannot be added as the record is: {inCallersTerms(refused.Message)}";
        }
        catch (ResellerException failed) when (failed.ErrorCode == ResellerErrorCodes.SpfDnsLookupFailed)
        {
            result.Result = "temperror";
            result.Reason = inCallersTerms(failed.Message);
        }

        return result;
    }

    /// <summary>A machine without DNS servers (and none named) is DNS failing, in the SDK's terms, for every domain alike.</summary>
    private static async Task<T> WithResolvers<T>(Func<Task<T>> lookup)
    {
        try
        {
            return await lookup().ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            throw new ResellerException(0, ResellerErrorCodes.SpfDnsLookupFailed, ex.Message + " Name one with -DnsServer.", ex);
        }
    }
}
