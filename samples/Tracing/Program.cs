// The client's traces, printed by OpenTelemetry's console exporter: a span per operation, a span per HTTP attempt
// below it, and the in-process emulator's span per request below that. No server, no token.
//
//   dotnet run --project samples/Tracing
using System;
using System.IO;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Sdk;
using OpenTelemetry;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

using var tracing = Sdk.CreateTracerProviderBuilder()
    .ConfigureResource(resource => resource.AddService("exclaimer-tracing-sample"))
    .AddSource(ResellerClient.ActivitySourceName)      // "Exclaimer.Reseller.Sdk": operations and HTTP attempts
    .AddSource(ResellerEmulator.ActivitySourceName)    // "Exclaimer.Reseller.Emulator": what the emulator served
    .AddConsoleExporter()
    .Build();

var store = Path.Combine(Path.GetTempPath(), "exclaimer-tracing-sample-" + Guid.NewGuid().ToString("N"));
try
{
    using var client = ResellerEmulator.CreateEmbeddedClient(store);
    await client.CreateSubscriptionAsync(new CreateSubscriptionOptions
    {
        SubscriptionId = "contoso-m365",
        Product = Product.Microsoft365,
        CustomerName = "Contoso Ltd",
        UserCount = 25,
        Domain = "contoso.example",
    });

    try
    {
        await client.GetSubscriptionAsync("no-such-subscription");
    }
    catch (ResellerNotFoundException ex)
    {
        // Recorded on the span too: status Error, error.type SubscriptionNotFound, an exception event.
        Console.WriteLine($"As expected: {ex.ErrorCode}");
    }
}
finally
{
    Directory.Delete(store, recursive: true);
}
