using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>A mechanism term, e.g. <c>-all</c> or <c>include:_spf.google.com</c> (RFC 7208 section 5).</summary>
internal sealed class SpfMechanism : SpfTerm
{
    /// <summary>The mechanism names; names are case-insensitive (section 4.6.1).</summary>
    private static readonly Dictionary<string, SpfMechanismKind> KindsByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["all"] = SpfMechanismKind.All,
        ["include"] = SpfMechanismKind.Include,
        ["a"] = SpfMechanismKind.A,
        ["mx"] = SpfMechanismKind.Mx,
        ["ptr"] = SpfMechanismKind.Ptr,
        ["ip4"] = SpfMechanismKind.Ip4,
        ["ip6"] = SpfMechanismKind.Ip6,
        ["exists"] = SpfMechanismKind.Exists,
    };

    /// <summary>Creates a checked mechanism; see <see cref="Parse"/>.</summary>
    private SpfMechanism(string text, SpfMechanismKind kind, string? domain)
        : base(text)
    {
        Kind = kind;
        Domain = domain;
    }

    /// <summary>Which mechanism this is.</summary>
    public SpfMechanismKind Kind { get; }

    /// <summary>The domain-spec an include, exists, a, mx or ptr names, without CIDR lengths; null when none is written.</summary>
    public string? Domain { get; }

    /// <summary>
    /// One for each mechanism that queries DNS, plus for an include the nested lookups of its
    /// record when it is a known one (section 4.6.4).
    /// </summary>
    public override int DnsLookups => Kind switch
    {
        SpfMechanismKind.Include => 1 + KnownSpfIncludes.NestedLookups(Domain!),
        SpfMechanismKind.A or SpfMechanismKind.Mx or SpfMechanismKind.Ptr or SpfMechanismKind.Exists => 1,
        _ => 0,
    };

    /// <summary>Checks a mechanism's argument against the grammar for its name.</summary>
    /// <param name="text">The whole term, qualifier included.</param>
    /// <param name="name">The mechanism name.</param>
    /// <param name="argument">What follows the name: empty, or starting with <c>:</c> or <c>/</c>.</param>
    /// <exception cref="SpfRecordException">The name is unknown or the argument breaks the grammar.</exception>
    public static SpfMechanism Parse(string text, string name, string argument)
    {
        if (!KindsByName.TryGetValue(name, out SpfMechanismKind kind))
        {
            throw new SpfRecordException("4.6.1", $"unknown mechanism '{text}'");
        }

        string? domain = null;
        bool valid = kind switch
        {
            SpfMechanismKind.All => argument.Length == 0,
            SpfMechanismKind.Include or SpfMechanismKind.Exists => TryDomain(argument, out domain),
            SpfMechanismKind.Ptr => argument.Length == 0 || TryDomain(argument, out domain),
            SpfMechanismKind.A or SpfMechanismKind.Mx => TryDomainWithDualCidrLength(argument, out domain),
            SpfMechanismKind.Ip4 => HasTarget(argument) && SpfIpNetwork.IsIp4Network(argument[1..]),
            _ /* Ip6 */ => HasTarget(argument) && SpfIpNetwork.IsIp6Network(argument[1..]),
        };

        if (!valid)
        {
            (string section, string form) = Grammar(kind);
            throw new SpfRecordException(section, $"'{text}' is malformed; the form is '{form}'");
        }

        return new SpfMechanism(text, kind, domain);
    }

    /// <summary>The section defining a mechanism, and its form as section 12 writes it, for refusals.</summary>
    private static (string Section, string Form) Grammar(SpfMechanismKind kind) => kind switch
    {
        SpfMechanismKind.All => ("5.1", "all"),
        SpfMechanismKind.Include => ("5.2", "include:<domain>"),
        SpfMechanismKind.A => ("5.3", "a[:<domain>][/<ip4-cidr>][//<ip6-cidr>]"),
        SpfMechanismKind.Mx => ("5.4", "mx[:<domain>][/<ip4-cidr>][//<ip6-cidr>]"),
        SpfMechanismKind.Ptr => ("5.5", "ptr[:<domain>]"),
        SpfMechanismKind.Ip4 => ("5.6", "ip4:<ip4-address>[/<0-32>]"),
        SpfMechanismKind.Ip6 => ("5.6", "ip6:<ip6-address>[/<0-128>]"),
        _ /* Exists */ => ("5.7", "exists:<domain>"),
    };

    /// <summary>Whether the argument names a target, which <c>:</c> introduces.</summary>
    private static bool HasTarget(string argument) => argument.Length > 0 && argument[0] == ':';

    /// <summary>Reads <c>":" domain-spec</c>.</summary>
    private static bool TryDomain(string argument, out string? domain)
    {
        domain = HasTarget(argument) ? argument[1..] : null;
        return domain is not null && SpfDomainSpec.IsValid(domain);
    }

    /// <summary>
    /// Reads <c>[ ":" domain-spec ] [ ip4-cidr-length ] [ "/" ip6-cidr-length ]</c>, taking the lengths
    /// from the end because a domain-spec may itself contain <c>/</c>.
    /// </summary>
    private static bool TryDomainWithDualCidrLength(string argument, out string? domain)
    {
        domain = null;
        return SpfIpNetwork.TrySplitCidrLength(argument, "//", 128, out string rest)
            && SpfIpNetwork.TrySplitCidrLength(rest, "/", 32, out rest)
            && (rest.Length == 0 || TryDomain(rest, out domain));
    }
}
