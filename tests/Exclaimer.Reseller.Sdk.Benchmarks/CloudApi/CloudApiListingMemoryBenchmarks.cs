using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Exclaimer.Reseller.Sdk.Benchmarks.CloudApi;

/// <summary>
/// Lists 100,000 subscriptions in pages of 200 through the SDK (and the raw baseline) while a sampler records
/// the peak of the managed heap (<see cref="GC.GetTotalMemory(bool)"/> every millisecond, garbage included).
/// The job runs under <c>DOTNET_GCHeapHardLimit</c> = 50 MiB for the whole process, server included: finishing at
/// all proves the listing never needs more. Target: peak managed memory under 50 MB.
/// Run: dotnet run -c Release --project tests/Exclaimer.Reseller.Sdk.Benchmarks -- --filter *CloudApiListingMemoryBenchmarks*
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[HardLimitJob]
public class CloudApiListingMemoryBenchmarks
{
    private LoopbackCloudApi _server = null!;
    private ResellerClient _client = null!;
    private RawCloudApiClient _raw = null!;
    private long _peakSdk;
    private long _peakRaw;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackCloudApi.StartAsync();
        _client = new ResellerClient(new ResellerClientOptions { ApiToken = LoopbackCloudApi.Token, Endpoint = _server.Endpoint, ApiSegment = "list100000", PageSize = 200 });
        _raw = new RawCloudApiClient(_server.Endpoint, "list100000");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        // Read off the benchmark log: the peak managed heap seen while listing, per side.
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "PEAK_MANAGED_BYTES sdk={0} raw={1} limit={2}", _peakSdk, _peakRaw, Environment.GetEnvironmentVariable("DOTNET_GCHeapHardLimit") ?? "none"));
        _client.Dispose();
        _raw.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark(Baseline = true, Description = "List100000 raw HttpClient")]
    public async Task<int> List100000Raw()
    {
        using var sampler = new PeakSampler();
        var count = 0;
        await foreach (var subscription in _raw.ListAsync(200))
        {
            count++;
        }

        _peakRaw = Math.Max(_peakRaw, sampler.Peak);
        return count == 100_000 ? count : throw new InvalidOperationException("Listed " + count);
    }

    [Benchmark(Description = "List100000 SDK")]
    public async Task<int> List100000Sdk()
    {
        using var sampler = new PeakSampler();
        var count = 0;
        await foreach (var subscription in _client.GetSubscriptionsAsync())
        {
            count++;
        }

        _peakSdk = Math.Max(_peakSdk, sampler.Peak);
        return count == 100_000 ? count : throw new InvalidOperationException("Listed " + count);
    }

    /// <summary>Polls the managed heap size on its own thread until disposed.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peak;

        public PeakSampler()
        {
            _peak = GC.GetTotalMemory(false);
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    var now = GC.GetTotalMemory(false);
                    if (now > Interlocked.Read(ref _peak))
                    {
                        Interlocked.Exchange(ref _peak, now);
                    }

                    Thread.Sleep(1);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public long Peak => Interlocked.Read(ref _peak);

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
