using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Exclaimer.Reseller.Sdk.Benchmarks;

/// <summary>
/// What tracing costs a call: one get through the client over a handler that answers at once from memory (no socket, no
/// server work, so the client's own cost is all there is to see), with nobody listening to the client's
/// <see cref="ActivitySource"/> (the baseline: what every untraced caller pays) and with a listener that records every
/// span, as OpenTelemetry does. <see cref="HasListeners"/> is the whole check an untraced call makes, twice.
/// </summary>
[MemoryDiagnoser]
[SameProcessJob(warmupCount: 3, iterationCount: 15)]
public class TracingBenchmarks
{
    private const int CallsPerInvocation = 16;

    private static readonly ActivitySource Unlistened = new("Exclaimer.Reseller.Sdk.Benchmarks.Unlistened");

    private ResellerClient _client = null!;
    private ActivityListener? _listener;

    [GlobalSetup]
    public void Setup() => _client = NewClient();

    [GlobalSetup(Target = nameof(Get_Traced))]
    public void SetupTraced()
    {
        _client = NewClient();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Exclaimer.Reseller.Sdk",
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener?.Dispose();
        _listener = null;
        _client.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvocation)]
    public async Task Get_NoListener()
    {
        for (var i = 0; i < CallsPerInvocation; i++)
        {
            await _client.GetSubscriptionAsync("contoso");
        }
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvocation)]
    public async Task Get_Traced()
    {
        for (var i = 0; i < CallsPerInvocation; i++)
        {
            await _client.GetSubscriptionAsync("contoso");
        }
    }

    [Benchmark]
    public bool HasListeners() => Unlistened.HasListeners();

    private static ResellerClient NewClient() => new(new ResellerClientOptions
    {
        ApiToken = "benchmark-token",
        Endpoint = new Uri("http://localhost/"),
        Transport = new ResellerTransport(new CannedSubscription()),
    });

    /// <summary>Answers every request with the same subscription, at once.</summary>
    private sealed class CannedSubscription : HttpMessageHandler
    {
        private static readonly byte[] Body = Encoding.UTF8.GetBytes(
            """{"Subscription":{"SubscriptionID":"contoso","Name":"Contoso Ltd","SKU":"EXCL-M-STAND","MailboxCount":25,"Status":"Active","InTrial":true,"TrialEndDate":"2026-12-10T00:00:00","CreatedDate":"2026-11-26T09:00:00"}}""");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new ByteArrayContent(Body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = content });
        }
    }
}
