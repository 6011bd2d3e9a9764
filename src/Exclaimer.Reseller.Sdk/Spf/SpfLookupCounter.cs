using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// Counts what a record costs against DNS as it is: every DNS-querying term of it and of every record it
/// includes or redirects to, as if nothing matched (the worst a sender can cost), with void lookups and loops.
/// </summary>
internal sealed class SpfLookupCounter
{
    /// <summary>Past this many lookups the walk stops descending: the record is far over the limit anyway.</summary>
    private const int MaxCountedLookups = 100;

    /// <summary>The most MX records an mx mechanism may find (RFC 7208 section 4.6.4).</summary>
    private const int MaxMxRecords = 10;

    private readonly SpfDns _dns;
    private readonly int _voidLookupLimit;
    private readonly CancellationToken _cancellationToken;
    private readonly Stack<string> _chain = new();
    private readonly List<string> _problems = new();
    private string _sender = string.Empty;
    private string _senderDomain = string.Empty;

    public SpfLookupCounter(SpfDns dns, int voidLookupLimit, CancellationToken cancellationToken)
    {
        _dns = dns;
        _voidLookupLimit = voidLookupLimit;
        _cancellationToken = cancellationToken;
    }

    private int DnsLookups { get; set; }

    private int VoidLookups { get; set; }

    public async Task<SpfLookupCount> CountAsync(string record, string domain)
    {
        string text = record.Trim();
        if (!SpfRecordSelection.IsSpfRecord(text))
        {
            return Result(record, domain, SpfResult.PermError, "not an SPF record; an SPF record starts with 'v=spf1' (RFC 7208 section 4.5)");
        }

        SpfPolicy policy;
        try
        {
            policy = SpfPolicy.Parse(text);
        }
        catch (SpfEvaluationException ex)
        {
            return Result(record, domain, SpfResult.PermError, ex.Message);
        }

        // The record's own mail comes from the domain, so %{o} is the domain too.
        _senderDomain = SpfDomainName.WithoutTrailingDot(domain);
        _sender = "postmaster@" + _senderDomain;
        try
        {
            await WalkAsync(policy, _senderDomain).ConfigureAwait(false);
        }
        catch (SpfEvaluationException ex)
        {
            return Result(record, domain, SpfResult.TempError, ex.Message);
        }

        if (VoidLookups > _voidLookupLimit)
        {
            _problems.Insert(0, $"{VoidLookups} lookups find no such name or no records; RFC 7208 section 4.6.4 allows {_voidLookupLimit}");
        }

        if (DnsLookups > SpfLookupCount.MaxDnsLookups)
        {
            string atLeast = DnsLookups > MaxCountedLookups ? "at least " : string.Empty;
            _problems.Insert(0, $"the record needs {atLeast}{DnsLookups} DNS lookups; RFC 7208 section 4.6.4 allows {SpfLookupCount.MaxDnsLookups}");
        }

        return _problems.Count == 0
            ? Result(record, domain, error: null, reason: null)
            : Result(record, domain, SpfResult.PermError, string.Join("; ", _problems));
    }

    /// <summary>The count so far, with the given outcome.</summary>
    public SpfLookupCount Result(string record, string domain, SpfResult? error, string? reason) =>
        new(domain, record, DnsLookups, VoidLookups, error, reason);

    private async Task WalkAsync(SpfPolicy policy, string domain)
    {
        _chain.Push(domain);
        try
        {
            foreach (var directive in policy.Directives.Where(directive => directive.QueriesDns))
            {
                if (++DnsLookups > MaxCountedLookups)
                {
                    return;
                }

                // ptr depends on the sender's address, and so does a name built from its macros: one lookup each,
                // whose nested cost is not known before a message arrives.
                if (directive.Kind == SpfMechanismKind.Ptr || Target(directive.DomainSpec, domain) is not string target)
                {
                    continue;
                }

                switch (directive.Kind)
                {
                    case SpfMechanismKind.Include:
                        await FollowAsync(target, directive.Text, "5.2").ConfigureAwait(false);
                        break;
                    case SpfMechanismKind.A:
                        await CountVoidAsync(directive.Text, target, AddressFamily.InterNetwork, AddressFamily.InterNetworkV6).ConfigureAwait(false);
                        break;
                    case SpfMechanismKind.Exists:
                        await CountVoidAsync(directive.Text, target, AddressFamily.InterNetwork).ConfigureAwait(false);
                        break;
                    default: // Mx
                        var exchanges = Answered(await _dns.MxAsync(target, _cancellationToken).ConfigureAwait(false), directive.Text);
                        VoidLookups += exchanges.Count == 0 ? 1 : 0;
                        if (exchanges.Count > MaxMxRecords)
                        {
                            _problems.Add($"'{directive.Text}' finds {exchanges.Count} MX records for {target}; RFC 7208 section 4.6.4 allows {MaxMxRecords}");
                        }

                        break;
                }
            }

            if (policy.EffectiveRedirect is string redirect && ++DnsLookups <= MaxCountedLookups && Target(redirect, domain) is string redirectTarget)
            {
                await FollowAsync(redirectTarget, "redirect=" + redirect, "6.1").ConfigureAwait(false);
            }
        }
        finally
        {
            _chain.Pop();
        }
    }

    /// <summary>Counts an include's or redirect's target record, which must exist and be sound, or the term is a permerror.</summary>
    private async Task FollowAsync(string target, string term, string section)
    {
        if (_chain.Any(domain => string.Equals(domain, target, System.StringComparison.OrdinalIgnoreCase)))
        {
            _problems.Add($"'{term}' loops: {string.Join(" -> ", _chain.Reverse().Concat(new[] { target }))}");
            return;
        }

        if (!SpfDomainName.IsCheckable(target))
        {
            _problems.Add($"'{term}' names '{target}', which is not a domain name that can publish SPF (RFC 7208 section {section})");
            return;
        }

        var lookup = SpfRecordSelection.Select(target, await _dns.TxtAsync(target, _cancellationToken).ConfigureAwait(false));
        switch (lookup.Status)
        {
            case SpfRecordStatus.TemporaryError:
                throw SpfEvaluationException.TempError($"'{term}': {lookup.Reason}");
            case SpfRecordStatus.Found:
                break;
            default:
                _problems.Add($"'{term}': {lookup.Reason}, which makes the term a permerror (RFC 7208 section {section})");
                return;
        }

        SpfPolicy policy;
        try
        {
            policy = SpfPolicy.Parse(lookup.Record!);
        }
        catch (SpfEvaluationException ex)
        {
            _problems.Add($"'{term}': the SPF record of {target} is malformed: {ex.Message}");
            return;
        }

        await WalkAsync(policy, target).ConfigureAwait(false);
    }

    /// <summary>A void lookup is one that finds nothing of any of the families a sender could connect from.</summary>
    private async Task CountVoidAsync(string term, string target, params AddressFamily[] families)
    {
        foreach (var family in families)
        {
            if (Answered(await _dns.AddressesAsync(target, family, _cancellationToken).ConfigureAwait(false), term).Count > 0)
            {
                return;
            }
        }

        VoidLookups++;
    }

    /// <summary>The name a term queries, or null when its macros depend on the sender.</summary>
    private string? Target(string? domainSpec, string domain)
    {
        if (domainSpec is null)
        {
            return domain;
        }

        if (SpfMacros.DependsOnSender(domainSpec))
        {
            return null;
        }

        var macros = new SpfMacroValues(IPAddress.None, _sender, "postmaster", _senderDomain, _senderDomain, domain, validatedName: null);
        try
        {
            return SpfMacros.ExpandDomain(domainSpec, macros);
        }
        catch (SpfEvaluationException ex)
        {
            _problems.Add(ex.Message);
            return null;
        }
    }

    private static IReadOnlyList<T> Answered<T>(SpfDnsAnswer<T> answer, string term) =>
        answer.Failure is null ? answer.Records : throw SpfEvaluationException.TempError($"'{term}': {answer.Failure}");
}
