using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Emulator.Tool;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

ToolOptions options;
try
{
    options = ToolOptions.Parse(args);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + Environment.NewLine + ToolOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(ToolOptions.Usage);
    return 0;
}

using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = options.Store });
if (options.Recover)
{
    return await Recovery.RunAsync(store);
}

using var emulator = new ResellerEmulator(new EmulatorOptions { Store = store, ApiToken = options.Token, PartnerKind = options.Partner, MailboxAllocation = options.MailboxAllocation });
using var invoker = new HttpMessageInvoker(emulator.Handler, disposeHandler: false);

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });

// Standard output is the contract with whoever started the tool: its first line says where it listens.
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.Listen, options.Port));
var app = builder.Build();
app.Run(context => Forward.Async(context, invoker));

await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
Console.WriteLine($"Listening on {address.TrimEnd('/')}/{emulator.ApiSegment}");
Console.Out.Flush();
await Console.Error.WriteLineAsync($"Store: {store.DirectoryPath}");
await Console.Error.WriteLineAsync($"Partner: {options.Partner}{(options.MailboxAllocation is { } allocation ? $" (Elite programme, {allocation} mailboxes)" : string.Empty)}");
if (options.Token is null)
{
    await Console.Error.WriteLineAsync("Warning: no --token given, so any ExAPIToken (or none) is accepted.");
}

if (!IPAddress.IsLoopback(options.Listen))
{
    await Console.Error.WriteLineAsync($"Warning: listening on {options.Listen}, not only on this machine: anyone who can reach it can change the store.");
}

await app.WaitForShutdownAsync();
return 0;

/// <summary><c>--recover</c>: rebuilds a damaged store and says what was kept and lost.</summary>
internal static class Recovery
{
    public static async Task<int> RunAsync(JsonFileResellerStore store)
    {
        try
        {
            var report = await store.RecoverAsync();
            Console.WriteLine(report.WasDamaged
                ? $"Recovered {store.DirectoryPath}: {report.SubscriptionCount} subscriptions, {report.WritesKept} journal writes kept, {report.WritesLost} lost. The damaged files are kept in {report.DamagedFilesDirectory}."
                : $"{store.DirectoryPath} is not damaged: nothing was changed ({report.SubscriptionCount} subscriptions).");
            foreach (var problem in report.Problems)
            {
                Console.WriteLine("  " + problem);
            }

            return 0;
        }
        catch (Exclaimer.Reseller.Sdk.ResellerStoreException ex)
        {
            await Console.Error.WriteLineAsync($"{ex.ErrorCode}: {ex.Message}");
            return 1;
        }
    }
}

/// <summary>Hands each HTTP request to the in-process emulator and writes its answer back: one behaviour, two ways to run.</summary>
internal static class Forward
{
    public static async Task Async(HttpContext context, HttpMessageInvoker emulator)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri("http://localhost" + request.Path.ToUriComponent() + request.QueryString.ToUriComponent()));
        foreach (var header in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
        }

        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            message.Content = new ByteArrayContent(body.ToArray());
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        using var answer = await emulator.SendAsync(message, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers)
        {
            context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        if (answer.Content is { } content)
        {
            foreach (var header in content.Headers)
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }

            await content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
