using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;

namespace Exclaimer.Reseller.Sdk.Benchmarks.CloudApi;

/// <summary>
/// A cross-check of <see cref="CloudApiBenchmarks"/>' ratios, not a BenchmarkDotNet benchmark: the same calls on the
/// same clients, but the baseline and the SDK take turns in short blocks (alternating which goes first), so a change
/// in the machine's pace mid-run slows both alike instead of one case. Prints each side's median per call and the
/// median of the per-round ratios with its interquartile range.
/// Run: dotnet run -c Release --project tests/Exclaimer.Reseller.Sdk.Benchmarks -- --interleaved
/// </summary>
public static class InterleavedComparison
{
    public const string Argument = "--interleaved";

    private const int Rounds = 300;

    public static async Task RunAsync()
    {
        var benchmarks = new CloudApiBenchmarks();
        await benchmarks.SetupAsync();
        try
        {
            // Each get and create benchmark method makes CloudApiBenchmarks.CallsPerInvoke calls; a list is one call.
            await CompareAsync("GetOne", benchmarks.GetOneRaw, benchmarks.GetOneSdk, invocationsPerBlock: 3, CloudApiBenchmarks.CallsPerInvoke);
            await CompareAsync("Create", benchmarks.CreateRaw, benchmarks.CreateSdk, invocationsPerBlock: 2, CloudApiBenchmarks.CallsPerInvoke);
            await CompareAsync("List1000", benchmarks.List1000Raw, benchmarks.List1000Sdk, invocationsPerBlock: 1, callsPerInvocation: 1);
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static async Task CompareAsync<T1, T2>(string call, Func<Task<T1>> raw, Func<Task<T2>> sdk, int invocationsPerBlock, int callsPerInvocation)
    {
        // Warm up for a few seconds, long enough for the JIT to finish tiering both sides' code.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(3))
        {
            await raw();
            await sdk();
        }

        var rawTimes = new List<double>(Rounds);
        var sdkTimes = new List<double>(Rounds);
        var ratios = new List<double>(Rounds);
        for (var round = 0; round < Rounds; round++)
        {
            double rawTime, sdkTime;
            if (round % 2 == 0)
            {
                rawTime = await TimeAsync(raw, invocationsPerBlock) / callsPerInvocation;
                sdkTime = await TimeAsync(sdk, invocationsPerBlock) / callsPerInvocation;
            }
            else
            {
                sdkTime = await TimeAsync(sdk, invocationsPerBlock) / callsPerInvocation;
                rawTime = await TimeAsync(raw, invocationsPerBlock) / callsPerInvocation;
            }

            rawTimes.Add(rawTime);
            sdkTimes.Add(sdkTime);
            ratios.Add(sdkTime / rawTime);
        }

        Console.WriteLine(string.Format(
            CultureInfo.InvariantCulture,
            "{0,-9} raw {1,9:0.0} µs   SDK {2,9:0.0} µs   SDK/raw {3:0.00} (per-round ratios, middle half: {4:0.00}-{5:0.00})",
            call,
            Quantile(rawTimes, 0.5),
            Quantile(sdkTimes, 0.5),
            Quantile(ratios, 0.5),
            Quantile(ratios, 0.25),
            Quantile(ratios, 0.75)));
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> invoke, int invocations)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < invocations; i++)
        {
            await invoke();
        }

        return clock.Elapsed.TotalMicroseconds / invocations;
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted[(int)Math.Round(q * (sorted.Length - 1))];
    }
}
