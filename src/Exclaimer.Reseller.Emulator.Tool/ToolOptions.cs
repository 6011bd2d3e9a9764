using System;
using System.Globalization;
using System.Net;
using Exclaimer.Reseller.Emulator;

namespace Exclaimer.Reseller.Emulator.Tool;

/// <summary>The command line: <c>--port</c>, <c>--store</c>, <c>--token</c>, <c>--listen</c>, <c>--partner</c>, <c>--mailbox-allocation</c>, <c>--recover</c>, <c>--help</c>.</summary>
internal sealed class ToolOptions
{
    public const string Usage =
        "Usage: exclaimer-emulator [--port <n>] [--store <folder>] [--token <value>] [--listen <address>] [--partner <kind>] [--mailbox-allocation <n>]\n" +
        "       exclaimer-emulator --recover [--store <folder>]\n" +
        "\n" +
        "Serves the Exclaimer Cloud API contract under /exclaimerapi, with the reseller portal's rules, on a JSON file store.\n" +
        "\n" +
        "  --port <n>          the TCP port; 0 (the default) picks a free one\n" +
        "  --store <folder>    the store's folder; default the embedded default's (EXCLAIMER_RESELLER_STORE, or the per-user folder)\n" +
        "  --token <value>     require this ExAPIToken (401 without it); without it any token is accepted\n" +
        "  --listen <address>  the address to listen on; default 127.0.0.1 (loopback only)\n" +
        "  --recover           rebuild a damaged store (StoreCorrupt) from what can still be read, keeping its files as they\n" +
        "                      were in a dated damaged-... folder inside it; then exit\n" +
        "  --partner <kind>    the partner the emulator answers as: Marketplace (the default), Reseller or Msp (the MSP operations answer only for Msp)\n" +
        "  --mailbox-allocation <n>  an Elite-programme MSP's mailbox allocation (needs --partner Msp)\n" +
        "\n" +
        "The first line of standard output is 'Listening on http://<address>:<port>/exclaimerapi'. Ctrl+C or SIGTERM stops it.";

    public int Port { get; private set; }

    public string? Store { get; private set; }

    public string? Token { get; private set; }

    public IPAddress Listen { get; private set; } = IPAddress.Loopback;

    public EmulatorPartnerKind Partner { get; private set; } = EmulatorPartnerKind.Marketplace;

    public int? MailboxAllocation { get; private set; }

    public bool Help { get; private set; }

    public bool Recover { get; private set; }

    /// <summary>Reads the arguments; a bad one is an <see cref="ArgumentException"/> naming it.</summary>
    public static ToolOptions Parse(string[] args)
    {
        var options = new ToolOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--port":
                    var port = Value();
                    options.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535
                        ? number
                        : throw new ArgumentException($"--port must be 0 to 65535, not '{port}'.");
                    break;
                case "--store":
                    options.Store = Value();
                    break;
                case "--token":
                    options.Token = Value();
                    if (options.Token.Trim().Length == 0)
                    {
                        throw new ArgumentException("--token cannot be blank.");
                    }

                    break;
                case "--listen":
                    var address = Value();
                    options.Listen = IPAddress.TryParse(address, out var ip) ? ip : throw new ArgumentException($"--listen must be an IP address, not '{address}'.");
                    break;
                case "--recover":
                    options.Recover = true;
                    break;
                case "--partner":
                    var kind = Value();
                    options.Partner = Enum.TryParse<EmulatorPartnerKind>(kind, ignoreCase: true, out var partner) && Enum.IsDefined(partner) && !int.TryParse(kind, out _)
                        ? partner
                        : throw new ArgumentException($"--partner must be Marketplace, Reseller or Msp, not '{kind}'.");
                    break;
                case "--mailbox-allocation":
                    var allocation = Value();
                    options.MailboxAllocation = int.TryParse(allocation, NumberStyles.None, CultureInfo.InvariantCulture, out var mailboxes)
                        ? mailboxes
                        : throw new ArgumentException($"--mailbox-allocation must be a whole number of mailboxes, not '{allocation}'.");
                    break;
                case "--help" or "-h" or "-?":
                    options.Help = true;
                    break;
                default:
                    throw new ArgumentException($"'{name}' is not an option of exclaimer-emulator.");
            }
        }

        if (options.MailboxAllocation is not null && options.Partner != EmulatorPartnerKind.Msp)
        {
            throw new ArgumentException("--mailbox-allocation is for an MSP on the Elite programme: give --partner Msp too.");
        }

        return options;
    }
}
