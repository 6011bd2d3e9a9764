using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// One run of RFC 7208's check_host (section 4) with its counters: the DNS-querying terms (at most 10) and the
/// void lookups (at most the configured limit), shared by every include and redirect it follows.
/// </summary>
internal sealed class SpfEvaluation
{
    /// <summary>The most names of an mx or ptr lookup that are looked at (section 4.6.4).</summary>
    private const int MaxNamesPerLookup = 10;

    private readonly SpfDns _dns;
    private readonly int _voidLookupLimit;
    private readonly IPAddress _address;
    private readonly CancellationToken _cancellationToken;

    /// <summary>The include and redirect chain being evaluated, to name a loop instead of only running into the limit.</summary>
    private readonly Stack<string> _chain = new();

    private IReadOnlyList<string>? _validatedNames;

    /// <summary>Whether the address's PTR lookup found nothing, which makes each ptr mechanism a void lookup.</summary>
    private bool _ptrWasVoid;

    public SpfEvaluation(SpfDns dns, int voidLookupLimit, IPAddress address, CancellationToken cancellationToken)
    {
        _dns = dns;
        _voidLookupLimit = voidLookupLimit;
        _address = address;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The DNS-querying terms evaluated so far.</summary>
    public int DnsLookups { get; private set; }

    /// <summary>The lookups so far that found nothing.</summary>
    public int VoidLookups { get; private set; }

    /// <summary>The record of the domain the check started from, once read.</summary>
    public string? Record { get; private set; }

    /// <summary>
    /// check_host(ip, domain, sender) for a domain: its record read, parsed and evaluated. Pass, fail, softfail,
    /// neutral and none come back; permerror and temperror end the whole check as <see cref="SpfEvaluationException"/>.
    /// </summary>
    /// <param name="domain">The domain whose record is evaluated.</param>
    /// <param name="macros">The macro values, with <c>%{d}</c> for that domain.</param>
    public async Task<SpfOutcome> CheckHostAsync(string domain, SpfMacroValues macros)
    {
        if (!SpfDomainName.IsCheckable(domain))
        {
            return SpfOutcome.None($"'{domain}' is not a domain name that can publish SPF (RFC 7208 section 4.3)");
        }

        var lookup = SpfRecordSelection.Select(domain, await _dns.TxtAsync(domain, _cancellationToken).ConfigureAwait(false));
        switch (lookup.Status)
        {
            case SpfRecordStatus.TemporaryError:
                throw SpfEvaluationException.TempError(lookup.Reason!);
            case SpfRecordStatus.MoreThanOneRecord:
                throw SpfEvaluationException.PermError(lookup.Reason!);
            case SpfRecordStatus.NoRecord:
            case SpfRecordStatus.NoSuchDomain:
                return SpfOutcome.None(lookup.Reason!);
        }

        string record = lookup.Record!;
        if (_chain.Count == 0)
        {
            Record = record;
        }

        SpfPolicy policy;
        try
        {
            policy = SpfPolicy.Parse(record);
        }
        catch (SpfEvaluationException ex)
        {
            throw SpfEvaluationException.PermError($"the SPF record of {domain} is malformed: {ex.Message}");
        }

        _chain.Push(SpfDomainName.WithoutTrailingDot(domain));
        try
        {
            foreach (var directive in policy.Directives)
            {
                if (directive.QueriesDns)
                {
                    CountLookup(directive.Text);
                }

                if (await MatchesAsync(directive, macros).ConfigureAwait(false))
                {
                    return new SpfOutcome(directive.Qualifier, record, policy, macros, reason: null);
                }
            }

            if (policy.EffectiveRedirect is string redirect)
            {
                CountLookup("redirect=" + redirect);
                string target = SpfMacros.ExpandDomain(redirect, macros);
                var outcome = await FollowAsync(target, macros, "redirect=" + redirect).ConfigureAwait(false);

                // The redirect target's result is the result, its exp= included (section 6.1); "none" is an error.
                return outcome.Result == SpfResult.None
                    ? throw SpfEvaluationException.PermError($"redirect={redirect} leads to {target}, which has no SPF record (RFC 7208 section 6.1)")
                    : outcome.WithRecord(record);
            }

            return new SpfOutcome(SpfResult.Neutral, record, policy, macros, "no mechanism matched (RFC 7208 section 4.7)");
        }
        finally
        {
            _chain.Pop();
        }
    }

    /// <summary>The validated host names of the address (section 5.5), looked up once per check.</summary>
    public async Task<IReadOnlyList<string>> ValidatedNamesAsync()
    {
        if (_validatedNames is null)
        {
            var names = new List<string>();
            var ptr = await _dns.PtrAsync(_address, _cancellationToken).ConfigureAwait(false);
            _ptrWasVoid = ptr.IsVoid;

            // A DNS error on the PTR lookup makes ptr not match; on a name's own lookup, that name is skipped.
            foreach (string name in ptr.Records.Take(MaxNamesPerLookup))
            {
                var addresses = await _dns.AddressesAsync(name, _address.AddressFamily, _cancellationToken).ConfigureAwait(false);
                if (addresses.Records.Any(address => address.Equals(_address)))
                {
                    names.Add(name);
                }
            }

            _validatedNames = names;
        }

        return _validatedNames;
    }

    private async Task<bool> MatchesAsync(SpfDirective directive, SpfMacroValues macros)
    {
        switch (directive.Kind)
        {
            case SpfMechanismKind.All:
                return true;

            case SpfMechanismKind.Ip4:
            case SpfMechanismKind.Ip6:
                return SpfAddress.IsInNetwork(_address, directive.Network!, directive.Kind == SpfMechanismKind.Ip4 ? directive.Ip4Prefix : directive.Ip6Prefix);

            case SpfMechanismKind.A:
            {
                string target = await TargetAsync(directive, macros).ConfigureAwait(false);
                var addresses = Answered(await _dns.AddressesAsync(target, _address.AddressFamily, _cancellationToken).ConfigureAwait(false), directive, countVoid: true);
                return addresses.Any(address => SpfAddress.IsInNetwork(_address, address, Prefix(directive)));
            }

            case SpfMechanismKind.Mx:
            {
                string target = await TargetAsync(directive, macros).ConfigureAwait(false);
                var exchanges = Answered(await _dns.MxAsync(target, _cancellationToken).ConfigureAwait(false), directive, countVoid: true);
                if (exchanges.Count > MaxNamesPerLookup)
                {
                    throw SpfEvaluationException.PermError(
                        $"'{directive.Text}' finds {exchanges.Count} MX records for {target}; RFC 7208 section 4.6.4 allows {MaxNamesPerLookup}");
                }

                // A null MX (".") names no host: nothing to look up (RFC 7505).
                foreach (string exchange in exchanges.Where(exchange => exchange.Length > 0))
                {
                    var addresses = Answered(await _dns.AddressesAsync(exchange, _address.AddressFamily, _cancellationToken).ConfigureAwait(false), directive, countVoid: false);
                    if (addresses.Any(address => SpfAddress.IsInNetwork(_address, address, Prefix(directive))))
                    {
                        return true;
                    }
                }

                return false;
            }

            case SpfMechanismKind.Ptr:
            {
                string target = await TargetAsync(directive, macros).ConfigureAwait(false);
                var names = await ValidatedNamesAsync().ConfigureAwait(false);
                if (_ptrWasVoid)
                {
                    CountVoid(directive.Text);
                }

                return names.Any(name => SpfDomainName.IsSameOrSubdomain(name, target));
            }

            case SpfMechanismKind.Exists:
            {
                // Always an A query, whatever the connection's family (section 5.7).
                string target = await TargetAsync(directive, macros).ConfigureAwait(false);
                var addresses = Answered(await _dns.AddressesAsync(target, AddressFamily.InterNetwork, _cancellationToken).ConfigureAwait(false), directive, countVoid: true);
                return addresses.Count > 0;
            }

            default: // Include
            {
                string target = await TargetAsync(directive, macros).ConfigureAwait(false);
                var outcome = await FollowAsync(target, macros, directive.Text).ConfigureAwait(false);
                return outcome.Result switch
                {
                    SpfResult.Pass => true,
                    SpfResult.None => throw SpfEvaluationException.PermError($"'{directive.Text}': {target} has no SPF record (RFC 7208 section 5.2)"),
                    _ => false,
                };
            }
        }
    }

    /// <summary>Evaluates an include or redirect target, naming a loop when the target is already being evaluated.</summary>
    private Task<SpfOutcome> FollowAsync(string target, SpfMacroValues macros, string term)
    {
        string name = SpfDomainName.WithoutTrailingDot(target);
        if (_chain.Any(domain => string.Equals(domain, name, StringComparison.OrdinalIgnoreCase)))
        {
            string loop = string.Join(" -> ", _chain.Reverse().Concat(new[] { name }));
            throw SpfEvaluationException.PermError($"'{term}' loops: {loop}; a loop never ends within RFC 7208's 10 DNS lookups (section 4.6.4)");
        }

        return CheckHostAsync(name, macros.ForDomain(name));
    }

    /// <summary>The name a mechanism queries: its domain-spec expanded, or the current domain.</summary>
    private async Task<string> TargetAsync(SpfDirective directive, SpfMacroValues macros)
    {
        if (directive.DomainSpec is null)
        {
            return macros.Domain;
        }

        if (SpfMacros.UsesValidatedName(directive.DomainSpec))
        {
            macros = macros.WithValidatedName(SpfValidatedName.Choose(await ValidatedNamesAsync().ConfigureAwait(false), macros.Domain));
        }

        return SpfMacros.ExpandDomain(directive.DomainSpec, macros);
    }

    /// <summary>The records of a mechanism's lookup; a DNS failure is a temperror, and an empty answer counts as void.</summary>
    private IReadOnlyList<T> Answered<T>(SpfDnsAnswer<T> answer, SpfDirective directive, bool countVoid)
    {
        if (answer.Failure is not null)
        {
            throw SpfEvaluationException.TempError($"'{directive.Text}': {answer.Failure}");
        }

        if (countVoid && answer.IsVoid)
        {
            CountVoid(directive.Text);
        }

        return answer.Records;
    }

    private void CountLookup(string term)
    {
        DnsLookups++;
        if (DnsLookups > SpfLookupCount.MaxDnsLookups)
        {
            throw SpfEvaluationException.PermError(
                $"'{term}' would be DNS lookup {DnsLookups}; RFC 7208 section 4.6.4 allows {SpfLookupCount.MaxDnsLookups}");
        }
    }

    private void CountVoid(string term)
    {
        VoidLookups++;
        if (VoidLookups > _voidLookupLimit)
        {
            throw SpfEvaluationException.PermError(
                $"'{term}' is void lookup {VoidLookups} (no such name or no records); the limit is {_voidLookupLimit} (RFC 7208 section 4.6.4)");
        }
    }

    private int Prefix(SpfDirective directive) =>
        _address.AddressFamily == AddressFamily.InterNetworkV6 ? directive.Ip6Prefix : directive.Ip4Prefix;
}
