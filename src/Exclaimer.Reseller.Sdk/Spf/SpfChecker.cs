using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// Checks SPF against DNS as it is (rule R14): reads a domain's record, evaluates RFC 7208's check_host for an
/// address, and counts what a proposed record costs in DNS lookups. Thread-safe; keep one and reuse it.
/// </summary>
public class SpfChecker
{
    private readonly SpfDnsOptions _options;
    private readonly SpfDns _dns;

    /// <summary>Creates a checker that asks the machine's own DNS resolvers, with the default timeouts.</summary>
    public SpfChecker()
        : this(new SpfDnsOptions())
    {
    }

    /// <summary>Creates a checker with the given DNS servers and timeouts.</summary>
    /// <param name="options">The servers and timeouts; they are read once, here.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SpfChecker(SpfDnsOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.NameServers.Contains(null!))
        {
            throw new ArgumentException("NameServers holds a null entry.", nameof(options));
        }

        // A copy, so changing the options afterwards cannot change a checker in use.
        _options = options.Copy();
        _dns = new SpfDns(_options);
    }

    /// <summary>
    /// RFC 7208's check_host(ip, domain, sender): may <paramref name="ipAddress"/> send mail for <paramref name="domain"/>?
    /// Every include, redirect, a, mx, ptr and exists is resolved through DNS; the whole check is bounded by
    /// <see cref="SpfDnsOptions.EvaluationTimeout"/>, after which the result is temperror. It never throws for
    /// anything DNS or the records do: those are results.
    /// </summary>
    /// <param name="ipAddress">The address of the host that sends (or would send) the mail.</param>
    /// <param name="domain">The domain of the MAIL FROM address, or the HELO name when MAIL FROM is empty.</param>
    /// <param name="sender">The MAIL FROM address, for the macros; null means <c>postmaster@</c><paramref name="domain"/>.</param>
    /// <param name="helo">The HELO/EHLO name, for the <c>%{h}</c> macro; null means <c>unknown</c>.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The result, the record, the lookups it took and, for a fail, the domain's explanation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ipAddress"/> or <paramref name="domain"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No name server is configured and the machine has none.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<SpfCheckResult> CheckHostAsync(
        IPAddress ipAddress,
        string domain,
        string? sender = null,
        string? helo = null,
        CancellationToken cancellationToken = default)
    {
        if (ipAddress is null)
        {
            throw new ArgumentNullException(nameof(ipAddress));
        }

        if (domain is null)
        {
            throw new ArgumentNullException(nameof(domain));
        }

        IPAddress address = SpfAddress.Normalize(ipAddress);
        var macros = Macros(address, domain, sender, helo);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.EvaluationTimeout);
        var evaluation = new SpfEvaluation(_dns, _options.VoidLookupLimit, address, deadline.Token);
        try
        {
            var outcome = await evaluation.CheckHostAsync(domain, macros).ConfigureAwait(false);
            string? explanation = outcome.Result == SpfResult.Fail
                ? await SpfExplanation.ReadAsync(_dns, evaluation, outcome, deadline.Token).ConfigureAwait(false)
                : null;
            cancellationToken.ThrowIfCancellationRequested();
            return new SpfCheckResult(domain, ipAddress, outcome.Result, outcome.Record, evaluation.DnsLookups, evaluation.VoidLookups, explanation, outcome.Reason);
        }
        catch (SpfEvaluationException ex)
        {
            return new SpfCheckResult(domain, ipAddress, ex.Result, evaluation.Record, evaluation.DnsLookups, evaluation.VoidLookups, explanation: null, ex.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SpfCheckResult(
                domain,
                ipAddress,
                SpfResult.TempError,
                evaluation.Record,
                evaluation.DnsLookups,
                evaluation.VoidLookups,
                explanation: null,
                $"the check took longer than {_options.EvaluationTimeout.TotalSeconds:0.###} s (RFC 7208 section 4.6.4 asks for a bound)");
        }
    }

    /// <summary>
    /// Reads the domain's SPF record from DNS as it is now, telling apart one record, more than one (a permerror,
    /// RFC 7208 section 4.5), none or no such domain (<c>none</c>), and a lookup that failed or timed out
    /// (<c>temperror</c>, which is not <c>none</c>). A record published as several strings is joined (section 3.3).
    /// </summary>
    /// <param name="domain">The domain, e.g. <c>contoso.com</c>.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is not a domain name.</exception>
    /// <exception cref="InvalidOperationException">No name server is configured and the machine has none.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<SpfRecordLookup> GetRecordAsync(string domain, CancellationToken cancellationToken = default)
    {
        RequireDomain(domain);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.EvaluationTimeout);
        try
        {
            return SpfRecordSelection.Select(domain, await _dns.TxtAsync(domain, deadline.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SpfRecordLookup(domain, SpfRecordStatus.TemporaryError, Array.Empty<string>(), $"DNS did not answer for {domain} within {_options.EvaluationTimeout.TotalSeconds:0.###} s");
        }
    }

    /// <summary>
    /// Counts what a record would cost if published for <paramref name="domain"/>, against DNS as it is now: every
    /// include and redirect is resolved, nested ones too, to count the DNS-querying terms (at most 10, RFC 7208
    /// section 4.6.4), the void lookups and loops. Use it on a proposed record before publishing it.
    /// </summary>
    /// <param name="record">The record, e.g. <c>v=spf1 include:spf.protection.outlook.com include:spf.eu.exclaimer.net -all</c>.</param>
    /// <param name="domain">The domain it is for, which <c>%{d}</c> and terms without a domain stand for.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <returns>The count, and the reason when a limit or rule breaks or DNS failed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="domain"/> is not a domain name.</exception>
    /// <exception cref="InvalidOperationException">No name server is configured and the machine has none.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<SpfLookupCount> CountLookupsAsync(string record, string domain, CancellationToken cancellationToken = default)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        RequireDomain(domain);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.EvaluationTimeout);
        var counter = new SpfLookupCounter(_dns, _options.VoidLookupLimit, deadline.Token);
        try
        {
            return await counter.CountAsync(record, domain).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return counter.Result(
                record,
                domain,
                SpfResult.TempError,
                $"the count took longer than {_options.EvaluationTimeout.TotalSeconds:0.###} s; DNS did not answer in time");
        }
    }

    private static SpfMacroValues Macros(IPAddress address, string domain, string? sender, string? helo)
    {
        // A sender without a local-part gets "postmaster" (RFC 7208 section 4.3), and without a domain the checked one.
        string from = string.IsNullOrEmpty(sender) ? "postmaster@" + domain : sender!;
        int at = from.LastIndexOf('@');
        string localPart = at > 0 ? from.Substring(0, at) : "postmaster";
        string senderDomain = at >= 0 ? from.Substring(at + 1) : from;
        return new SpfMacroValues(address, localPart + "@" + senderDomain, localPart, senderDomain, helo ?? "unknown", SpfDomainName.WithoutTrailingDot(domain), validatedName: null);
    }

    private static void RequireDomain(string domain)
    {
        if (domain is null)
        {
            throw new ArgumentNullException(nameof(domain));
        }

        if (!SpfDomainName.IsCheckable(domain))
        {
            throw new ArgumentException($"'{domain}' is not a domain name.", nameof(domain));
        }
    }
}
