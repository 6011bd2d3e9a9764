using System.Collections.Generic;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>Which validated host name <c>%{p}</c> stands for (RFC 7208 section 7.3).</summary>
internal static class SpfValidatedName
{
    /// <summary>The domain itself if validated, else one of its subdomains, else any; null (<c>unknown</c>) when there is none.</summary>
    /// <param name="names">The address's validated host names.</param>
    /// <param name="domain">The current domain.</param>
    public static string? Choose(IReadOnlyList<string> names, string domain) =>
        names.Where(name => string.Equals(SpfDomainName.WithoutTrailingDot(name), SpfDomainName.WithoutTrailingDot(domain), System.StringComparison.OrdinalIgnoreCase))
            .Concat(names.Where(name => SpfDomainName.IsSameOrSubdomain(name, domain)))
            .Concat(names)
            .FirstOrDefault();
}
