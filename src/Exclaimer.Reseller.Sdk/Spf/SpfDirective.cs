using System;
using System.Globalization;
using System.Net;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// A mechanism ready to evaluate: its qualifier, kind and target, as the record editor's grammar
/// (<see cref="SpfMechanism"/>) checked it, with the networks and CIDR lengths read out.
/// </summary>
internal sealed class SpfDirective
{
    private SpfDirective(string text, SpfResult qualifier, SpfMechanismKind kind, string? domainSpec, IPAddress? network, int ip4Prefix, int ip6Prefix)
    {
        Text = text;
        Qualifier = qualifier;
        Kind = kind;
        DomainSpec = domainSpec;
        Network = network;
        Ip4Prefix = ip4Prefix;
        Ip6Prefix = ip6Prefix;
    }

    /// <summary>The term as written.</summary>
    public string Text { get; }

    /// <summary>The result when the mechanism matches: pass (<c>+</c> or none), fail (<c>-</c>), softfail (<c>~</c>), neutral (<c>?</c>).</summary>
    public SpfResult Qualifier { get; }

    public SpfMechanismKind Kind { get; }

    /// <summary>The domain-spec of include, exists, a, mx or ptr, macros unexpanded; null when the current domain is meant.</summary>
    public string? DomainSpec { get; }

    /// <summary>The network of ip4 or ip6.</summary>
    public IPAddress? Network { get; }

    /// <summary>The IPv4 prefix length of ip4, a and mx; 32 when not written.</summary>
    public int Ip4Prefix { get; }

    /// <summary>The IPv6 prefix length of ip6, a and mx; 128 when not written.</summary>
    public int Ip6Prefix { get; }

    /// <summary>Whether evaluating the mechanism queries DNS, so counts toward the limit of 10 (RFC 7208 section 4.6.4).</summary>
    public bool QueriesDns => Kind is SpfMechanismKind.Include or SpfMechanismKind.A or SpfMechanismKind.Mx or SpfMechanismKind.Ptr or SpfMechanismKind.Exists;

    /// <summary>Reads a mechanism whose grammar <see cref="SpfMechanism.Parse"/> has accepted.</summary>
    public static SpfDirective From(SpfMechanism mechanism)
    {
        string text = mechanism.Text;
        SpfResult qualifier = text[0] switch
        {
            '-' => SpfResult.Fail,
            '~' => SpfResult.SoftFail,
            '?' => SpfResult.Neutral,
            _ => SpfResult.Pass,
        };

        string body = text[0] is '+' or '-' or '~' or '?' ? text.Substring(1) : text;
        int nameEnd = 0;
        while (nameEnd < body.Length && body[nameEnd] != ':' && body[nameEnd] != '/')
        {
            nameEnd++;
        }

        string argument = body.Substring(nameEnd);
        switch (mechanism.Kind)
        {
            case SpfMechanismKind.Ip4:
            case SpfMechanismKind.Ip6:
            {
                int maximum = mechanism.Kind == SpfMechanismKind.Ip4 ? 32 : 128;
                string network = argument.Substring(1);
                int slash = network.IndexOf('/');
                int prefix = slash < 0 ? maximum : Number(network.Substring(slash + 1));
                var address = IPAddress.Parse(slash < 0 ? network : network.Substring(0, slash));
                return mechanism.Kind == SpfMechanismKind.Ip4
                    ? new SpfDirective(text, qualifier, mechanism.Kind, null, address, prefix, 128)
                    : new SpfDirective(text, qualifier, mechanism.Kind, null, address, 32, prefix);
            }

            case SpfMechanismKind.A:
            case SpfMechanismKind.Mx:
            {
                // The lengths come off the end; a domain-spec may itself hold '/', so only digits after it count.
                string rest = argument;
                int ip6Prefix = TakeLength(ref rest, "//", 128);
                int ip4Prefix = TakeLength(ref rest, "/", 32);
                return new SpfDirective(text, qualifier, mechanism.Kind, mechanism.Domain, null, ip4Prefix, ip6Prefix);
            }

            default:
                return new SpfDirective(text, qualifier, mechanism.Kind, mechanism.Domain, null, 32, 128);
        }
    }

    private static int TakeLength(ref string argument, string separator, int absent)
    {
        int at = argument.LastIndexOf(separator, StringComparison.Ordinal);
        if (at < 0)
        {
            return absent;
        }

        string digits = argument.Substring(at + separator.Length);
        if (digits.Length == 0 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int length))
        {
            return absent;
        }

        argument = argument.Substring(0, at);
        return length;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
