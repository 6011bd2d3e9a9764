namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>The mechanisms of RFC 7208 section 5; anything else in mechanism position is an error.</summary>
internal enum SpfMechanismKind
{
    /// <summary><c>all</c> (5.1): always matches, so it ends evaluation.</summary>
    All,

    /// <summary><c>include:domain</c> (5.2): evaluates another domain's record.</summary>
    Include,

    /// <summary><c>a[:domain]</c> (5.3): the domain's A or AAAA addresses.</summary>
    A,

    /// <summary><c>mx[:domain]</c> (5.4): the addresses of the domain's mail exchangers.</summary>
    Mx,

    /// <summary><c>ptr[:domain]</c> (5.5): the sender's validated reverse DNS name.</summary>
    Ptr,

    /// <summary><c>ip4:network</c> (5.6): an IPv4 address or range.</summary>
    Ip4,

    /// <summary><c>ip6:network</c> (5.6): an IPv6 address or range.</summary>
    Ip6,

    /// <summary><c>exists:domain</c> (5.7): matches when the domain has an A record.</summary>
    Exists,
}
