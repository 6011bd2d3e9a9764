using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>A DNS server the SPF checker asks: an address and a port (53 unless given).</summary>
public sealed class SpfNameServer
{
    /// <summary>The port DNS servers listen on.</summary>
    public const int DefaultPort = 53;

    /// <summary>Creates a name server.</summary>
    /// <param name="address">Its IPv4 or IPv6 address.</param>
    /// <param name="port">Its UDP and TCP port, 1 to 65535; 53 when not given.</param>
    /// <exception cref="ArgumentNullException"><paramref name="address"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="port"/> is not a port number.</exception>
    public SpfNameServer(IPAddress address, int port = DefaultPort)
    {
        Address = address ?? throw new ArgumentNullException(nameof(address));
        Port = port is >= 1 and <= 65535
            ? port
            : throw new ArgumentOutOfRangeException(nameof(port), port, "A port is between 1 and 65535.");
    }

    /// <summary>The server's address.</summary>
    public IPAddress Address { get; }

    /// <summary>The server's port, for UDP and for TCP.</summary>
    public int Port { get; }

    /// <summary>
    /// Reads a name server as written at a prompt or in configuration: <c>192.0.2.53</c>, <c>192.0.2.53:5353</c>,
    /// <c>2001:db8::53</c> or <c>[2001:db8::53]:5353</c>.
    /// </summary>
    /// <param name="text">The address, with an optional port.</param>
    /// <exception cref="FormatException">The text is not an address with an optional port.</exception>
    public static SpfNameServer Parse(string text) =>
        TryParse(text, out SpfNameServer? server)
            ? server!
            : throw new FormatException($"'{text}' is not a name server; write an IP address, optionally with a port, e.g. 192.0.2.53:5353 or [2001:db8::53]:5353.");

    /// <summary>Reads a name server as <see cref="Parse"/> does, without throwing.</summary>
    /// <param name="text">The address, with an optional port.</param>
    /// <param name="server">The name server, or null when the text is not one.</param>
    /// <returns>Whether the text is a name server.</returns>
    public static bool TryParse(string? text, out SpfNameServer? server)
    {
        server = null;
        string value = text?.Trim() ?? string.Empty;
        string address = value;
        string? port = null;
        if (value.Length > 0 && value[0] == '[')
        {
            // [IPv6]:port, the only unambiguous way to give an IPv6 address a port.
            int close = value.IndexOf(']');
            if (close < 0 || (close + 1 < value.Length && value[close + 1] != ':'))
            {
                return false;
            }

            address = value.Substring(1, close - 1);
            port = close + 1 < value.Length ? value.Substring(close + 2) : null;
        }
        else if (value.IndexOf(':') is int colon and >= 0 && colon == value.LastIndexOf(':'))
        {
            // One colon: IPv4:port. More than one: a bare IPv6 address.
            address = value.Substring(0, colon);
            port = value.Substring(colon + 1);
        }

        if (!IPAddress.TryParse(address, out IPAddress? ip))
        {
            return false;
        }

        int number = DefaultPort;
        if (port is not null
            && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is >= 1 and <= 65535))
        {
            return false;
        }

        server = new SpfNameServer(ip, number);
        return true;
    }

    /// <summary>The server as <see cref="Parse"/> reads it, e.g. <c>192.0.2.53:53</c> or <c>[2001:db8::53]:53</c>.</summary>
    public override string ToString() =>
        Address.AddressFamily == AddressFamily.InterNetworkV6
            ? "[" + Address + "]:" + Port.ToString(CultureInfo.InvariantCulture)
            : Address + ":" + Port.ToString(CultureInfo.InvariantCulture);
}
