using System.Net;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>What the macros of RFC 7208 section 7 expand to for one check, with <c>%{d}</c> for one domain.</summary>
internal sealed class SpfMacroValues
{
    public SpfMacroValues(IPAddress address, string sender, string localPart, string senderDomain, string helo, string domain, string? validatedName)
    {
        Address = address;
        Sender = sender;
        LocalPart = localPart;
        SenderDomain = senderDomain;
        Helo = helo;
        Domain = domain;
        ValidatedName = validatedName;
    }

    /// <summary><c>%{i}</c>, <c>%{c}</c>, <c>%{v}</c>: the connecting address, normalized.</summary>
    public IPAddress Address { get; }

    /// <summary><c>%{s}</c>: the sender, <c>local-part@domain</c>.</summary>
    public string Sender { get; }

    /// <summary><c>%{l}</c>: the sender's local-part, <c>postmaster</c> when it has none.</summary>
    public string LocalPart { get; }

    /// <summary><c>%{o}</c>: the sender's domain.</summary>
    public string SenderDomain { get; }

    /// <summary><c>%{h}</c>: the HELO/EHLO domain.</summary>
    public string Helo { get; }

    /// <summary><c>%{d}</c>: the domain whose record is being evaluated.</summary>
    public string Domain { get; }

    /// <summary><c>%{p}</c>: the address's validated host name, or null for <c>unknown</c>.</summary>
    public string? ValidatedName { get; }

    /// <summary>The same values for another domain's record (an include or redirect target).</summary>
    public SpfMacroValues ForDomain(string domain) => new(Address, Sender, LocalPart, SenderDomain, Helo, domain, ValidatedName);

    /// <summary>The same values with <c>%{p}</c> known.</summary>
    public SpfMacroValues WithValidatedName(string? name) => new(Address, Sender, LocalPart, SenderDomain, Helo, Domain, name);
}
