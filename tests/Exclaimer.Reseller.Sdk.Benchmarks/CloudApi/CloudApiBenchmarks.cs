using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Exclaimer.Reseller.Sdk.Benchmarks.CloudApi;

/// <summary>
/// The SDK over the Cloud API transport against hand-written HttpClient + System.Text.Json, same calls, same
/// loopback server (in a child process, as a real API is never in the caller's process), same run. Target: the
/// SDK's median within 1.10x of the baseline per call.
/// Run: dotnet run -c Release --project tests/Exclaimer.Reseller.Sdk.Benchmarks -- --filter *CloudApiBenchmarks*
/// </summary>
[MemoryDiagnoser]
[SameProcessJob(warmupCount: 5, iterationCount: 40)]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CloudApiBenchmarks
{
    /// <summary>
    /// Calls awaited one after another in each invocation; the figures are per call. BenchmarkDotNet blocks its thread
    /// on every invocation's task, and on 2 cores that thread's spin-then-sleep wait competes with the call it waits
    /// for; awaiting 16 calls per invocation makes that cost a sixteenth and the measurement that of async code.
    /// </summary>
    public const int CallsPerInvoke = 16;

    private LoopbackCloudApiProcess _server = null!;
    private ResellerClient _client = null!;
    private ResellerClient _bareClient = null!;
    private RawCloudApiClient _raw = null!;
    private CreateSubscriptionOptions _create = null!;
    private RawCreate _rawCreate = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await LoopbackCloudApiProcess.StartAsync();
        _client = new ResellerClient(new ResellerClientOptions
        {
            ApiToken = LoopbackCloudApi.Token,
            Endpoint = _server.Endpoint,
            ApiSegment = "list1000",
            ResellerAdminEmail = "admin@reseller.example",
            ResellerDomain = "reseller.example",
            PageSize = 200,
        });

        // The same SDK with retries and both timeouts off: shows what the resilience pipeline costs.
        _bareClient = new ResellerClient(new ResellerClientOptions
        {
            ApiToken = LoopbackCloudApi.Token,
            Endpoint = _server.Endpoint,
            ApiSegment = "list1000",
            ResellerAdminEmail = "admin@reseller.example",
            ResellerDomain = "reseller.example",
            PageSize = 200,
            Retry = { MaxRetries = 0, AttemptTimeout = TimeSpan.Zero, OverallTimeout = TimeSpan.Zero },
        });
        _raw = new RawCloudApiClient(_server.Endpoint, "list1000");
        _create = new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "Customer 0",
            UserCount = 100,
            SubscriptionId = "contoso-m365",
            Domain = "contoso.com",
        };
        _rawCreate = new RawCreate
        {
            SubscriptionId = "contoso-m365",
            EmailAddress = "admin@reseller.example",
            MailboxCount = 100,
            CountryCode = "GB",
            SendWelcomeEmailToCustomer = false,
            SubscriptionName = "Customer 0",
            Sku = "EXCL-M-STAND",
            EndUser = new RawDomain { Domain = "contoso.com" },
            Reseller = new RawDomain { Domain = "reseller.example" },
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _bareClient.Dispose();
        _raw.Dispose();
        _server.Dispose();
    }

    [Benchmark(Baseline = true, Description = "GetOne raw HttpClient", OperationsPerInvoke = CallsPerInvoke)]
    [BenchmarkCategory("GetOne")]
    public async Task<int> GetOneRaw()
    {
        var found = 0;
        for (var i = 0; i < CallsPerInvoke; i++)
        {
            found += (await _raw.GetSubscriptionAsync("contoso-m365")).SubscriptionId is null ? 0 : 1;
        }

        return found;
    }

    [Benchmark(Description = "GetOne SDK", OperationsPerInvoke = CallsPerInvoke)]
    [BenchmarkCategory("GetOne")]
    public async Task<int> GetOneSdk()
    {
        var found = 0;
        for (var i = 0; i < CallsPerInvoke; i++)
        {
            found += (await _client.GetSubscriptionAsync("contoso-m365")).SubscriptionId.Length > 0 ? 1 : 0;
        }

        return found;
    }

    [Benchmark(Description = "GetOne SDK, retries and timeouts off", OperationsPerInvoke = CallsPerInvoke)]
    [BenchmarkCategory("GetOne")]
    public async Task<int> GetOneSdkBare()
    {
        var found = 0;
        for (var i = 0; i < CallsPerInvoke; i++)
        {
            found += (await _bareClient.GetSubscriptionAsync("contoso-m365")).SubscriptionId.Length > 0 ? 1 : 0;
        }

        return found;
    }

    [Benchmark(Baseline = true, Description = "List1000 raw HttpClient")]
    [BenchmarkCategory("List1000")]
    public async Task<int> List1000Raw()
    {
        var count = 0;
        await foreach (var subscription in _raw.ListAsync(200))
        {
            count += subscription.NumberOfUsers > 0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark(Description = "List1000 SDK")]
    [BenchmarkCategory("List1000")]
    public async Task<int> List1000Sdk()
    {
        var count = 0;
        await foreach (var subscription in _client.GetSubscriptionsAsync())
        {
            count += subscription.UserCount > 0 ? 1 : 0;
        }

        return count;
    }

    [Benchmark(Baseline = true, Description = "Create raw HttpClient (POST + GET)", OperationsPerInvoke = CallsPerInvoke)]
    [BenchmarkCategory("Create")]
    public async Task<int> CreateRaw()
    {
        var made = 0;
        for (var i = 0; i < CallsPerInvoke; i++)
        {
            made += (await _raw.CreateAsync(_rawCreate)).SubscriptionId is null ? 0 : 1;
        }

        return made;
    }

    [Benchmark(Description = "Create SDK (POST + GET)", OperationsPerInvoke = CallsPerInvoke)]
    [BenchmarkCategory("Create")]
    public async Task<int> CreateSdk()
    {
        var made = 0;
        for (var i = 0; i < CallsPerInvoke; i++)
        {
            made += (await _client.CreateSubscriptionAsync(_create)).SubscriptionId.Length > 0 ? 1 : 0;
        }

        return made;
    }

    [Benchmark(Description = "Create SDK, retries and timeouts off", OperationsPerInvoke = CallsPerInvoke)]
    [BenchmarkCategory("Create")]
    public async Task<int> CreateSdkBare()
    {
        var made = 0;
        for (var i = 0; i < CallsPerInvoke; i++)
        {
            made += (await _bareClient.CreateSubscriptionAsync(_create)).SubscriptionId.Length > 0 ? 1 : 0;
        }

        return made;
    }
}
