using System;
using Exclaimer.Reseller.Tests.Dns;

// Usage: Exclaimer.Reseller.TestDnsServer [<zone file>]
//   Serves the mail providers' records (tests/Shared/Dns/ProviderZone.cs) and the zone file's (ZoneFile) over UDP and
//   TCP on a free loopback port, writes "<address>:<port>" as its first line, and runs until its standard input
//   closes: the test that started it stops it, and a test run that dies takes it along.
var zone = ProviderZone.Create();
if (args.Length == 1)
{
    ZoneFile.Read(args[0], zone);
}
else if (args.Length > 1)
{
    Console.Error.WriteLine("Usage: Exclaimer.Reseller.TestDnsServer [<zone file>]");
    return 2;
}

using var server = TestDnsServer.Start(zone);
Console.WriteLine($"{server.EndPoint.Address}:{server.EndPoint.Port}");
await Console.Out.FlushAsync();
await Console.In.ReadToEndAsync();
return 0;
