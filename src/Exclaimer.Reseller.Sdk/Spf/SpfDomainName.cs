using System;
using System.Linq;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>The checks RFC 7208 makes on the names it queries (sections 4.3 and 7.3).</summary>
internal static class SpfDomainName
{
    /// <summary>The longest name, without the root's trailing dot, that fits a DNS query.</summary>
    private const int MaxLength = 253;

    /// <summary>The longest DNS label.</summary>
    private const int MaxLabelLength = 63;

    /// <summary>Whether DNS can carry the name: labels of 1 to 63 octets, at most 253 in all, an optional trailing dot.</summary>
    /// <param name="name">A name about to be queried.</param>
    public static bool IsQueryable(string name)
    {
        string trimmed = WithoutTrailingDot(name);
        return trimmed.Length is > 0 and <= MaxLength
            && trimmed.Split('.').All(label => label.Length is > 0 and <= MaxLabelLength);
    }

    /// <summary>
    /// Whether the name is one check_host can start from (section 4.3): queryable, more than one label, and
    /// ending in a top label of letters, digits and inner dashes, not all digits, so an address literal such as
    /// <c>[192.0.2.1]</c> or <c>192.0.2.1</c> is not taken for a domain.
    /// </summary>
    /// <param name="name">The domain to check.</param>
    public static bool IsCheckable(string name)
    {
        if (!IsQueryable(name))
        {
            return false;
        }

        string[] labels = WithoutTrailingDot(name).Split('.');
        string top = labels[labels.Length - 1];
        return labels.Length > 1
            && IsAlphaNumeric(top[0])
            && IsAlphaNumeric(top[top.Length - 1])
            && top.All(c => IsAlphaNumeric(c) || c == '-')
            && !top.All(char.IsDigit);
    }

    /// <summary>
    /// Shortens a name made by macro expansion to at most 253 characters by removing labels from the left
    /// (section 7.3); a trailing dot is dropped, as it only marks the root.
    /// </summary>
    /// <param name="name">The expanded domain-spec.</param>
    public static string Truncate(string name)
    {
        string trimmed = WithoutTrailingDot(name);
        while (trimmed.Length > MaxLength && trimmed.IndexOf('.') is int dot and >= 0)
        {
            trimmed = trimmed.Substring(dot + 1);
        }

        return trimmed;
    }

    /// <summary>Whether a name is the other or under it, ignoring case and trailing dots, as the ptr mechanism compares.</summary>
    /// <param name="name">A validated host name.</param>
    /// <param name="domain">The ptr mechanism's target.</param>
    public static bool IsSameOrSubdomain(string name, string domain)
    {
        string host = WithoutTrailingDot(name);
        string target = WithoutTrailingDot(domain);
        return string.Equals(host, target, StringComparison.OrdinalIgnoreCase)
            || host.EndsWith("." + target, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The name without the root's trailing dot.</summary>
    public static string WithoutTrailingDot(string name) =>
        name.Length > 0 && name[^1] == '.' ? name[..^1] : name;

    private static bool IsAlphaNumeric(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
