// The reseller portal's help page, walked end to end on the embedded default: the Exclaimer Cloud API emulator,
// in-process, with its JSON file store (no server, no token). The same client code runs against the real API. Safe to run again: every step is idempotent, the way a runbook
// should be (R9: creating with an id that exists is a conflict, never a second subscription).
//
//   dotnet run --project samples/Walkthrough                    the default store (per-user folder)
//   dotnet run --project samples/Walkthrough -- --store <folder> another store folder
using System;
using System.IO;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Samples.Walkthrough;

var storeFolder = Path.GetFullPath(args.Length == 2 && args[0] == "--store" ? args[1] : JsonFileResellerStore.DefaultDirectory);
using var client = ResellerEmulator.CreateEmbeddedClient(storeFolder, options => options.ResellerAdminEmail = "admin@reseller.example");
Console.WriteLine($"Store: {storeFolder}");

// 1. New customer subscription, reseller-managed: the reseller designs the signatures (R4).
await Steps.CreateAsync(client, new CreateSubscriptionOptions
{
    SubscriptionId = "contoso-m365",
    Product = Product.Microsoft365,
    CustomerName = "Contoso Ltd",
    UserCount = 25,
    Domain = "contoso.example",
    CountryCode = "GB",
});

// 2. New customer subscription with customer access: the contact gets an invitation (R5, R6).
var fabrikam = await Steps.CreateAsync(client, new CreateSubscriptionOptions
{
    SubscriptionId = "fabrikam-google",
    Product = Product.GoogleWorkspace,
    CustomerName = "Fabrikam BV",
    UserCount = 12,
    Domain = "fabrikam.example",
    CountryCode = "NL",
    AllowCustomerEditing = true,
    ContactName = "Anna de Vries",
    ContactEmail = "anna@fabrikam.example",
});
Console.WriteLine($"  Invitation to {fabrikam.ContactEmail}: {fabrikam.InvitationStatus}. Outbox: {Path.Combine(storeFolder, "outbox")}");

// 3. Start Contoso with server-side and client-side signatures (R11); a second start only points home (R12).
var start = await client.StartSubscriptionAsync("contoso-m365", DeploymentOptions.ServerSide | DeploymentOptions.ClientSide);
Console.WriteLine(start.WasAlreadyConfigured
    ? $"Start contoso-m365: already configured ({start.Deployment}); home page {start.HomePage}"
    : $"Start contoso-m365: configured {start.Deployment}; home page {start.HomePage}");

// 4. Add an admin user (R10: Admin unless asked otherwise).
await Steps.AddUserAsync(client, "contoso-m365", "it@contoso.example");

// 5. Propose the SPF record server-side signatures need (R14), counted against DNS; a real domain's record is read
//    from DNS when CurrentRecord is left out.
await Steps.ProposeSpfAsync(client, "contoso-m365", new SpfRecordOptions
{
    Domain = "contoso.example",
    CurrentRecord = "v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com -all",
});

// 6. Cancel Fabrikam: it moves to the archive, nothing is deleted (R15).
var cancelled = await client.CancelSubscriptionAsync("fabrikam-google");
Console.WriteLine($"Cancelled fabrikam-google: {cancelled.Status} since {cancelled.ArchivedDate:yyyy-MM-dd HH:mm} UTC (cancelling again changes nothing)");

// 7. The overview (R2) and the archive (R16).
Console.WriteLine();
Console.WriteLine("Customer subscriptions");
await Table.PrintAsync(client.GetSubscriptionsAsync());
Console.WriteLine();
Console.WriteLine("Archived subscriptions");
await Table.PrintAsync(client.GetArchivedSubscriptionsAsync());
