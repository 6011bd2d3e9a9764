using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Benchmarks.Bulk;

/// <summary>
/// Bulk work against <see cref="LatencyCloudApi"/> (a fixed latency per request), measured side by side in one run:
/// creates through the SDK (<see cref="ResellerClient.RunBulkAsync{TInput, TResult}"/>) and through the module
/// (<c>New-ResellerSubscription -ThrottleLimit</c> in a child pwsh), one at a time and with the limit; and a listing
/// one page at a time and with the default page concurrency. Each figure is reported against the one-at-a-time run
/// and against its floor (requests x latency / concurrency). Run: <c>-- --bulk [--latency 100] [--creates 1000]
/// [--list 100000] [--limit 8]</c>. The module must be built first (module/build.ps1).
/// </summary>
public static class BulkComparison
{
    public const string Argument = "--bulk";

    private const int PageSize = ResellerClientOptions.MaxPageSize;

    public static async Task RunAsync(string[] args)
    {
        var latency = TimeSpan.FromMilliseconds(Option(args, "--latency", 100));
        var creates = Option(args, "--creates", 1000);
        var listed = Option(args, "--list", 100_000);
        var limit = Option(args, "--limit", 8);
        var root = RepositoryRoot();
        var module = Path.Combine(root, "artifacts", "module", "Exclaimer.Reseller");
        if (!File.Exists(Path.Combine(module, "Exclaimer.Reseller.psd1")))
        {
            throw new InvalidOperationException($"Build the module first: dotnet pwsh -NoProfile -File module/build.ps1 (looked in {module}).");
        }

        await using var api = await LatencyCloudApi.StartAsync(latency);
        Console.WriteLine($"Latency {latency.TotalMilliseconds:0} ms a request; {creates} creates; {listed} subscriptions listed; limit {limit}; {Environment.ProcessorCount} cores");
        var rows = new List<Row>();

        var createFloor = 2.0 * creates * latency.TotalSeconds;
        var sdkOne = await CreateWithSdkAsync(api, creates, 1, "sdk1");
        var sdkMany = await CreateWithSdkAsync(api, creates, limit, "sdk" + limit);
        rows.Add(sdkOne with { Floor = createFloor });
        rows.Add(sdkMany with { Floor = createFloor / limit, Baseline = sdkOne.Seconds });

        var moduleOne = await CreateWithModuleAsync(api, root, module, creates, 1, "ps1");
        var moduleMany = await CreateWithModuleAsync(api, root, module, creates, limit, "ps" + limit);
        rows.Add(moduleOne with { Floor = createFloor });
        rows.Add(moduleMany with { Floor = createFloor / limit, Baseline = moduleOne.Seconds });

        api.ListSize = listed;
        var pages = (listed + PageSize - 1) / PageSize;
        var listFloor = pages * latency.TotalSeconds;
        var listOne = await ListWithSdkAsync(api, listed, 1);
        var listMany = await ListWithSdkAsync(api, listed, ResellerClientOptions.DefaultPageConcurrency);
        rows.Add(listOne with { Floor = listFloor });
        rows.Add(listMany with { Floor = listFloor / ResellerClientOptions.DefaultPageConcurrency, Baseline = listOne.Seconds });

        Console.WriteLine();
        Console.WriteLine("| Run | Requests | Most in flight | Refused as duplicates | Seconds | vs one at a time | Floor (s) | vs floor |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "| {0} | {1:N0} | {2} | {3} | {4:0.00} | {5} | {6:0.00} | {7:0.00}x |",
                row.Name,
                row.Requests,
                row.MaxInFlight,
                row.Duplicates,
                row.Seconds,
                row.Baseline is { } baseline ? (baseline / row.Seconds).ToString("0.0", CultureInfo.InvariantCulture) + "x faster" : "(baseline)",
                row.Floor,
                row.Seconds / row.Floor));
        }
    }

    private static async Task<Row> CreateWithSdkAsync(LatencyCloudApi api, int count, int limit, string prefix)
    {
        api.Reset();
        using var client = Client(api, 1);
        var inputs = Enumerable.Range(1, count).Select(i => new CreateSubscriptionOptions
        {
            SubscriptionId = prefix + "-" + i.ToString(CultureInfo.InvariantCulture),
            Product = Product.Microsoft365,
            CustomerName = "Customer " + i.ToString(CultureInfo.InvariantCulture),
            UserCount = 5,
            Domain = "customer" + i.ToString(CultureInfo.InvariantCulture) + ".example",
        }).ToList();
        var clock = Stopwatch.StartNew();
        var failed = 0;
        await foreach (var result in client.RunBulkAsync(inputs, (c, row, ct) => c.CreateSubscriptionAsync(row, ct), limit))
        {
            failed += result.Succeeded ? 0 : 1;
        }

        clock.Stop();
        Check(api, count, failed, "SDK");
        return new Row($"SDK creates, RunBulkAsync maxConcurrency {limit}", api.Requests, api.MaxInFlight, api.RefusedCreates, clock.Elapsed.TotalSeconds);
    }

    private static async Task<Row> CreateWithModuleAsync(LatencyCloudApi api, string root, string module, int count, int limit, string prefix)
    {
        api.Reset();
        var script = $$"""
            Import-Module '{{module}}'
            Connect-ResellerAccount -ApiToken (ConvertTo-SecureString '{{LatencyCloudApi.Token}}' -AsPlainText -Force) -Endpoint '{{api.Endpoint}}' -ResellerAdminEmail admin@reseller.example -ResellerDomain reseller.example
            $rows = 1..{{count}} | ForEach-Object { [pscustomobject]@{ SubscriptionId = "{{prefix}}-$_"; Product = 'Microsoft365'; CustomerName = "Customer $_"; UserCount = 5; Domain = "customer$_.example" } }
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $made = @($rows | New-ResellerSubscription -ThrottleLimit {{limit}} -ErrorVariable failed -ErrorAction SilentlyContinue)
            $clock.Stop()
            'RESULT {0} {1} {2}' -f $clock.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture), $made.Count, @($failed).Count
            """;
        var file = Path.Combine(Path.GetTempPath(), "exclaimer-bulk-" + Guid.NewGuid().ToString("n") + ".ps1");
        await File.WriteAllTextAsync(file, script);
        try
        {
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "pwsh", "-NoProfile", "-NonInteractive", "-File", file })
            {
                start.ArgumentList.Add(argument);
            }

            using var pwsh = Process.Start(start)!;
            var output = await pwsh.StandardOutput.ReadToEndAsync();
            var errors = await pwsh.StandardError.ReadToEndAsync();
            await pwsh.WaitForExitAsync();
            var result = output.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.StartsWith("RESULT ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("The module run printed no result:\n" + output + errors);
            var parts = result.Split(' ');
            Check(api, count, int.Parse(parts[3], CultureInfo.InvariantCulture), "module");
            return new Row($"Module creates, New-ResellerSubscription -ThrottleLimit {limit}", api.Requests - 1, api.MaxInFlight, api.RefusedCreates, double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<Row> ListWithSdkAsync(LatencyCloudApi api, int count, int pageConcurrency)
    {
        api.Reset();
        using var client = Client(api, pageConcurrency);
        var clock = Stopwatch.StartNew();
        var seen = 0;
        var last = -1;
        await foreach (var subscription in client.GetSubscriptionsAsync())
        {
            var n = int.Parse(subscription.SubscriptionId.AsSpan(4), CultureInfo.InvariantCulture);
            if (n != last + 1)
            {
                throw new InvalidOperationException($"Out of order: {subscription.SubscriptionId} after sub-{last}.");
            }

            last = n;
            seen++;
        }

        clock.Stop();
        if (seen != count)
        {
            throw new InvalidOperationException($"Listed {seen} of {count}.");
        }

        return new Row($"SDK lists {count:N0}, PageConcurrency {pageConcurrency}", api.Requests, api.MaxInFlight, 0, clock.Elapsed.TotalSeconds);
    }

    private static ResellerClient Client(LatencyCloudApi api, int pageConcurrency) =>
        new(new ResellerClientOptions
        {
            ApiToken = LatencyCloudApi.Token,
            Endpoint = api.Endpoint,
            ResellerAdminEmail = "admin@reseller.example",
            ResellerDomain = "reseller.example",
            PageSize = PageSize,
            PageConcurrency = pageConcurrency,
        });

    private static void Check(LatencyCloudApi api, int count, int failed, string who)
    {
        if (failed != 0 || api.Stored != count || api.RefusedCreates != 0)
        {
            throw new InvalidOperationException($"The {who} run made {api.Stored} of {count} with {failed} failed rows and {api.RefusedCreates} creates refused as duplicates.");
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Exclaimer.Reseller.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
    }

    private sealed record Row(string Name, int Requests, int MaxInFlight, int Duplicates, double Seconds)
    {
        public double Floor { get; init; }

        public double? Baseline { get; init; }
    }
}
