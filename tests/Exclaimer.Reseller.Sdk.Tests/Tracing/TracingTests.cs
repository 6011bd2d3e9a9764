using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator;
using Exclaimer.Reseller.Emulator.Invitations;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Tracing;

/// <summary>
/// The client's traces as an OpenTelemetry exporter receives them: a span per operation, a span per HTTP attempt below it
/// (OpenTelemetry's HTTP client conventions), failures recorded, and no token or invitation link anywhere (R18). Each
/// test runs under its own root span and reads only its own trace, as other tests run at the same time.
/// </summary>
public sealed class TracingTests : IDisposable
{
    private readonly SpanRecorder _spans = new();

    public void Dispose() => _spans.Dispose();

    [Fact]
    public async Task Tracing_AnOperationIsOneSpanWithEachHttpAttemptBelowIt()
    {
        using var engine = new TestEngine();
        var spans = await TraceAsync(() => engine.Client.CreateSubscriptionAsync(TestEngine.NewM365("contoso")));

        // The create reads back what it made: still one operation span, the GET below it, not a nested operation.
        var operation = Assert.Single(spans, s => s.Source.Name == ResellerClient.ActivitySourceName && s.Kind == ActivityKind.Internal);
        Assert.Equal("ResellerClient.CreateSubscription", operation.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        var attempts = ClientSpans(spans);
        Assert.Equal(new[] { "POST", "GET" }, attempts.Select(a => a.DisplayName));
        Assert.All(attempts, a => Assert.Equal(operation.SpanId, a.ParentSpanId));

        // The in-process emulator's server span sits below each attempt.
        var served = spans.Where(s => s.Source.Name == ResellerEmulator.ActivitySourceName).ToList();
        Assert.Equal(2, served.Count);
        Assert.All(served, s => Assert.Equal(ActivityKind.Server, s.Kind));
        Assert.Equal(attempts.Select(a => a.SpanId), served.Select(s => s.ParentSpanId));
    }

    [Fact]
    public async Task Tracing_AnHttpAttemptHasOpenTelemetrysHttpClientAttributes()
    {
        using var engine = new TestEngine();
        await engine.Client.CreateSubscriptionAsync(TestEngine.NewM365("contoso"));
        var spans = await TraceAsync(() => engine.Client.GetSubscriptionAsync("contoso"));

        var attempt = Assert.Single(ClientSpans(spans));
        Assert.Equal("GET", attempt.DisplayName);
        Assert.Equal("GET", attempt.GetTagItem("http.request.method"));
        Assert.Equal("http://localhost/exclaimerapi/1.0/subscriptions/contoso", attempt.GetTagItem("url.full"));
        Assert.Equal("localhost", attempt.GetTagItem("server.address"));
        Assert.Equal(80, attempt.GetTagItem("server.port"));
        Assert.Equal(200, attempt.GetTagItem("http.response.status_code"));
        Assert.Null(attempt.GetTagItem("http.request.resend_count"));
        Assert.Null(attempt.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, attempt.Status);
    }

    [Fact]
    public async Task Tracing_EachRetryIsItsOwnSpanWithItsResendCount()
    {
        using var emulator = new ResellerEmulator(new EmulatorOptions { Store = new InMemoryResellerStore() });
        using var transport = new ResellerTransport(new FailingFirst(emulator.Handler, failures: 2), disposeHandler: false);
        using var client = emulator.CreateClient(options =>
        {
            options.Transport = transport;
            options.Retry.BaseDelay = TimeSpan.Zero;
        });

        var spans = await TraceAsync(() => client.GetServerTimeAsync());

        var attempts = ClientSpans(spans);
        Assert.Equal(new object?[] { null, 1, 2 }, attempts.Select(a => a.GetTagItem("http.request.resend_count")));
        Assert.Equal(new object?[] { 503, 503, 200 }, attempts.Select(a => a.GetTagItem("http.response.status_code")));
        Assert.Equal(new object?[] { "503", "503", null }, attempts.Select(a => a.GetTagItem("error.type")));
        Assert.Equal(new[] { ActivityStatusCode.Error, ActivityStatusCode.Error, ActivityStatusCode.Unset }, attempts.Select(a => a.Status));
        Assert.Equal(ActivityStatusCode.Unset, Operation(spans).Status);
    }

    [Fact]
    public async Task Tracing_AFailedOperationRecordsItsErrorOnItsSpan()
    {
        using var engine = new TestEngine();
        var spans = await TraceAsync(async () =>
            await Assert.ThrowsAsync<ResellerNotFoundException>(() => engine.Client.GetSubscriptionAsync("missing")));

        var operation = Operation(spans);
        Assert.Equal("ResellerClient.GetSubscription", operation.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
        Assert.Contains("missing", operation.StatusDescription, StringComparison.Ordinal);
        Assert.Equal(ResellerErrorCodes.SubscriptionNotFound, operation.GetTagItem("error.type"));
        var exception = Assert.Single(operation.Events, e => e.Name == "exception");
        Assert.Equal(typeof(ResellerNotFoundException).FullName, exception.Tags.Single(t => t.Key == "exception.type").Value);

        var attempt = Assert.Single(ClientSpans(spans));
        Assert.Equal(404, attempt.GetTagItem("http.response.status_code"));
        Assert.Equal("404", attempt.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, attempt.Status);
    }

    [Fact]
    public async Task Tracing_AnAttemptThatGetsNoAnswerRecordsTheException()
    {
        using var transport = new ResellerTransport(new Unreachable());
        using var client = new ResellerClient(new ResellerClientOptions
        {
            ApiToken = "token",
            Endpoint = new Uri("http://127.0.0.1:9/"),
            Transport = transport,
            Retry = { MaxRetries = 0 },
        });

        var spans = await TraceAsync(async () => await Assert.ThrowsAsync<ResellerException>(() => client.GetServerTimeAsync()));

        var attempt = Assert.Single(ClientSpans(spans));
        Assert.Equal(typeof(HttpRequestException).FullName, attempt.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, attempt.Status);
        Assert.Null(attempt.GetTagItem("http.response.status_code"));
        Assert.Single(attempt.Events, e => e.Name == "exception");
        Assert.Equal(ResellerErrorCodes.ConnectionFailed, Operation(spans).GetTagItem("error.type"));
    }

    [Fact]
    public async Task Tracing_AListIsASpanPerPageFetched()
    {
        using var engine = new TestEngine();
        for (var i = 0; i < 25; i++)
        {
            await engine.Client.CreateSubscriptionAsync(TestEngine.NewM365($"customer-{i}", $"Customer {i}"));
        }

        var spans = await TraceAsync(async () => await engine.Client.GetSubscriptionsAsync().CountAsync());

        var pages = spans.Where(s => s.Kind == ActivityKind.Internal && s.Source.Name == ResellerClient.ActivitySourceName).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal("ResellerClient.GetSubscriptions", p.DisplayName));
        Assert.All(ClientSpans(spans), a => Assert.Contains(a.ParentSpanId, pages.Select(p => p.SpanId)));
        // The emulator reports the total, so the pages after the first are asked for by number (R2, fetched concurrently);
        // the paging parameters stay readable in url.full, only other query values are redacted.
        var urls = ClientSpans(spans).Select(a => (string)a.GetTagItem("url.full")!).ToList();
        Assert.Contains(urls, url => url.EndsWith("Page=2&PageSize=10", StringComparison.Ordinal));
        Assert.Contains(urls, url => url.EndsWith("Page=3&PageSize=10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tracing_OperationsRunAtOnceAreSeparateSpans()
    {
        using var engine = new TestEngine();
        await engine.Client.CreateSubscriptionAsync(TestEngine.NewM365("contoso"));
        await engine.Client.CreateSubscriptionAsync(TestEngine.NewM365("fabrikam", "Fabrikam BV"));

        // Started together, not awaited in turn: neither operation may become the other's parent.
        var spans = await TraceAsync(() => Task.WhenAll(
            engine.Client.GetSubscriptionAsync("contoso"),
            engine.Client.GetSubscriptionAsync("fabrikam")));

        var root = Assert.Single(spans, s => s.Source == SpanRecorder.TestSource);
        var operations = spans.Where(s => s.Kind == ActivityKind.Internal && s.Source.Name == ResellerClient.ActivitySourceName).ToList();
        Assert.Equal(2, operations.Count);
        Assert.All(operations, o => Assert.Equal(root.SpanId, o.ParentSpanId));
    }

    [Fact]
    public async Task R18_NoSpanCarriesTheTokenOrAnInvitationLink()
    {
        const string token = "tracing-test-token-5b1d0e";
        var invitations = new InMemoryInvitationSender();
        using var emulator = new ResellerEmulator(new EmulatorOptions { Store = new InMemoryResellerStore(), InvitationSender = invitations, ApiToken = token });
        using var client = emulator.CreateClient(options => options.ResellerAdminEmail = "admin@reseller.example");

        var spans = await TraceAsync(async () =>
        {
            await client.CreateSubscriptionAsync(TestEngine.NewWithAccess("fabrikam"));
            await client.ResendInvitationAsync("fabrikam");
            await Assert.ThrowsAsync<ResellerConflictException>(() => client.CreateSubscriptionAsync(TestEngine.NewWithAccess("fabrikam")));
        });

        var links = invitations.Sent.Select(m => m.AcceptLink).ToList();
        Assert.Equal(2, links.Count);
        Assert.True(spans.Count > 5, "the calls were traced");
        foreach (var text in spans.SelectMany(SpanRecorder.Texts))
        {
            Assert.DoesNotContain(token, text, StringComparison.OrdinalIgnoreCase);
            foreach (var link in links)
            {
                Assert.DoesNotContain(link.AbsoluteUri, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(link.Query.TrimStart('?'), text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [InlineData("https://api.example/exclaimerapi/1.0/subscriptions?Page=2&PageSize=50", "https://api.example/exclaimerapi/1.0/subscriptions?Page=2&PageSize=50")]
    [InlineData("https://api.example/x?ContinuationToken=7&ActiveOnly=true", "https://api.example/x?ContinuationToken=7&ActiveOnly=true")]
    [InlineData("https://api.example/x?sig=abc&code=123&Page=1", "https://api.example/x?sig=REDACTED&code=REDACTED&Page=1")]
    [InlineData("https://user:secret@api.example:8443/x", "https://api.example:8443/x")]
    public void R18_UrlFullKeepsNoCredentialsAndNoQueryValueItDoesNotKnow(string address, string traced) =>
        Assert.Equal(traced, ClientTracing.FullUrl(new Uri(address)));

    private Task<List<Activity>> TraceAsync(Func<Task> calls) => _spans.TraceAsync(calls);

    private static List<Activity> ClientSpans(IEnumerable<Activity> spans) => SpanRecorder.ClientSpans(spans);

    private static Activity Operation(IEnumerable<Activity> spans) => Assert.Single(SpanRecorder.Operations(spans));

    /// <summary>Answers 503 to the first requests, then hands the rest to the emulator.</summary>
    private sealed class FailingFirst : DelegatingHandler
    {
        private int _failures;

        public FailingFirst(HttpMessageHandler inner, int failures)
            : base(inner)
        {
            _failures = failures;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Decrement(ref _failures) >= 0
                ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { RequestMessage = request })
                : base.SendAsync(request, cancellationToken);
    }

    /// <summary>A server that cannot be reached.</summary>
    private sealed class Unreachable : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("Connection refused (127.0.0.1:9)");
    }
}
