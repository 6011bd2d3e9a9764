using System;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>A <c>name=value</c> term (RFC 7208 section 6): <c>redirect</c>, <c>exp</c>, or one this version ignores.</summary>
internal sealed class SpfModifier : SpfTerm
{
    /// <summary>Creates a modifier; see <see cref="Parse"/>.</summary>
    private SpfModifier(string text, string name, string value)
        : base(text)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The modifier's name as written; compare it ignoring case.</summary>
    public string Name { get; }

    /// <summary>The text after <c>=</c>: a domain-spec for redirect and exp, a macro-string otherwise.</summary>
    public string Value { get; }

    /// <summary>Whether this is <c>redirect</c>, the only modifier that costs a lookup.</summary>
    public bool IsRedirect => string.Equals(Name, "redirect", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether this is <c>exp</c>, which, like redirect, may appear only once.</summary>
    public bool IsExplanation => string.Equals(Name, "exp", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// One for redirect, plus the nested lookups of a known target; exp costs none, because its
    /// lookup happens after evaluation (section 4.6.4).
    /// </summary>
    public override int DnsLookups => IsRedirect ? 1 + KnownSpfIncludes.NestedLookups(Value) : 0;

    /// <summary>Checks a modifier's value against the grammar for its name.</summary>
    /// <param name="text">The whole term.</param>
    /// <param name="name">The text before <c>=</c>.</param>
    /// <param name="value">The text after <c>=</c>.</param>
    /// <exception cref="SpfRecordException">The value breaks the grammar.</exception>
    public static SpfModifier Parse(string text, string name, string value)
    {
        var modifier = new SpfModifier(text, name, value);
        if (modifier.IsRedirect && !SpfDomainSpec.IsValid(value))
        {
            throw new SpfRecordException("6.1", $"'{text}' must name a domain, as in 'redirect=_spf.example.com'");
        }

        if (modifier.IsExplanation && !SpfDomainSpec.IsValid(value))
        {
            throw new SpfRecordException("6.2", $"'{text}' must name a domain, as in 'exp=explain.example.com'");
        }

        if (!SpfDomainSpec.IsMacroString(value))
        {
            throw new SpfRecordException("7.1", $"'{text}' has a malformed macro in its value");
        }

        return modifier;
    }
}
