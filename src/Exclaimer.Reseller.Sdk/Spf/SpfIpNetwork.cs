using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>The address and CIDR-length grammar of the ip4, ip6, a and mx mechanisms (RFC 7208 sections 5.3 to 5.6).</summary>
internal static class SpfIpNetwork
{
    /// <summary>Whether the text is <c>ip4-network [ ip4-cidr-length ]</c>, e.g. <c>192.0.2.0/24</c>.</summary>
    /// <param name="text">The text after <c>ip4:</c>.</param>
    public static bool IsIp4Network(string text) =>
        TrySplitCidrLength(text, "/", 32, out string address) && IsIp4Address(address);

    /// <summary>Whether the text is <c>ip6-network [ ip6-cidr-length ]</c>, e.g. <c>2001:db8::/32</c>.</summary>
    /// <param name="text">The text after <c>ip6:</c>.</param>
    public static bool IsIp6Network(string text) =>
        TrySplitCidrLength(text, "/", 128, out string address) && IsIp6Address(address);

    /// <summary>
    /// Splits a trailing CIDR length (<c>/24</c>, or <c>//64</c> for the IPv6 length of a and mx) off the text.
    /// Text without one is returned whole; false when the length is malformed or above the maximum.
    /// </summary>
    /// <param name="text">A mechanism's argument.</param>
    /// <param name="separator"><c>/</c>, or <c>//</c> for the IPv6 length of a dual CIDR length.</param>
    /// <param name="maximum">32 for IPv4, 128 for IPv6.</param>
    /// <param name="rest">The text before the length.</param>
    public static bool TrySplitCidrLength(string text, string separator, int maximum, out string rest)
    {
        rest = text;
        int at = text.LastIndexOf(separator, StringComparison.Ordinal);
        string digits = at < 0 ? string.Empty : text[(at + separator.Length)..];
        if (digits.Length == 0 || !digits.All(IsDigit))
        {
            return true;
        }

        rest = text[..at];
        return IsNumber(digits, maximum);
    }

    /// <summary>Checks a dotted quad; IPAddress.TryParse would also take <c>1.2.3</c> or <c>0x7f.1</c>, which RFC 7208 does not.</summary>
    private static bool IsIp4Address(string text)
    {
        string[] octets = text.Split('.');
        return octets.Length == 4 && octets.All(octet => IsNumber(octet, 255));
    }

    /// <summary>Checks an IPv6 address; the character check keeps out the scope ids and brackets IPAddress.TryParse accepts.</summary>
    private static bool IsIp6Address(string text) =>
        text.Length > 0
        && text.All(c => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.')
        && IPAddress.TryParse(text, out IPAddress? address)
        && address.AddressFamily == AddressFamily.InterNetworkV6;

    /// <summary>Checks <c>0</c> or a number without a leading zero up to the maximum, as the ABNF writes qnum and CIDR lengths.</summary>
    private static bool IsNumber(string digits, int maximum) =>
        digits.Length is > 0 and <= 3
        && digits.All(IsDigit)
        && (digits.Length == 1 || digits[0] != '0')
        && int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) <= maximum;

    /// <summary>ABNF's DIGIT.</summary>
    private static bool IsDigit(char c) => c >= '0' && c <= '9';
}
