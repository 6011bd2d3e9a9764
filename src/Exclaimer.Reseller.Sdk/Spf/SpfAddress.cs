using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>Address arithmetic for check_host: CIDR matching, reverse names and the <c>%{i}</c> form.</summary>
internal static class SpfAddress
{
    /// <summary>An IPv4-mapped IPv6 address is checked as the IPv4 address it carries (RFC 7208 section 5).</summary>
    /// <param name="address">The connecting address.</param>
    public static IPAddress Normalize(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>Whether the address is in the network of the given prefix length; addresses of different families never match.</summary>
    /// <param name="address">The connecting address, normalized.</param>
    /// <param name="network">An address of the network.</param>
    /// <param name="prefixLength">The network's prefix length, 0 to 32 or 0 to 128.</param>
    public static bool IsInNetwork(IPAddress address, IPAddress network, int prefixLength)
    {
        network = Normalize(network);
        if (address.AddressFamily != network.AddressFamily)
        {
            return false;
        }

        byte[] a = address.GetAddressBytes();
        byte[] n = network.GetAddressBytes();
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++)
        {
            if (a[i] != n[i])
            {
                return false;
            }
        }

        int remainingBits = prefixLength % 8;
        if (remainingBits == 0)
        {
            return true;
        }

        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (a[fullBytes] & mask) == (n[fullBytes] & mask);
    }

    /// <summary>The name a PTR query asks for: <c>4.3.2.1.in-addr.arpa</c>, or the reversed nibbles under <c>ip6.arpa</c>.</summary>
    /// <param name="address">The connecting address, normalized.</param>
    public static string ReverseName(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6
            ? string.Join(".", Enumerable.Reverse(Nibbles(address))) + ".ip6.arpa"
            : string.Join(".", Enumerable.Reverse(address.GetAddressBytes()).Select(b => b.ToString(CultureInfo.InvariantCulture))) + ".in-addr.arpa";

    /// <summary>
    /// The <c>%{i}</c> macro (RFC 7208 section 7.3): the dotted quad for IPv4, and for IPv6 the 32 nibbles
    /// separated by dots, lower-case as the RFC's examples write them.
    /// </summary>
    /// <param name="address">The connecting address, normalized.</param>
    public static string MacroForm(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? string.Join(".", Nibbles(address)) : address.ToString();

    private static string[] Nibbles(IPAddress address)
    {
        var hex = new StringBuilder(32);
        foreach (byte b in address.GetAddressBytes())
        {
            hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return hex.ToString().Select(c => new string(c, 1)).ToArray();
    }
}
