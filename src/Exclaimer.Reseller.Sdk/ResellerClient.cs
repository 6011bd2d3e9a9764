using System;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Sdk.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Manages every customer subscription of one reseller account (R1): list, create, start, manage, cancel and look at the
/// archive. It speaks the Exclaimer Cloud API contract over HTTP, once per operation, whatever answers: the real API
/// (live or sandbox) or the emulator (in-process or standalone). The input rules (R3-R17) run here, before anything is
/// sent; the server's rules run on the server. Every method is virtual so callers can mock the client.
/// </summary>
/// <remarks>
/// Every call sends the <c>ExAPIToken</c> header, is retried on transient failures (408, 429, 5xx, connection errors,
/// attempt timeouts) with jittered exponential backoff and <c>Retry-After</c>, and fails with a
/// <see cref="ResellerException"/>. Where the Cloud API has no call (starting a subscription, sending an invitation
/// again) the client says so and never pretends; the emulator offers those as documented extensions, which the client
/// uses only when the answers say they come from it.
/// </remarks>
/// <example>
/// <code>
/// using var client = new ResellerClient(new ResellerClientOptions { ApiToken = token, Environment = CloudApiEnvironment.Sandbox });
/// await foreach (var subscription in client.GetSubscriptionsAsync(new SubscriptionQuery { InTrial = true }))
/// {
///     Console.WriteLine($"{subscription.CustomerName}: {subscription.UserCount} users, {subscription.Status}");
/// }
/// </code>
/// </example>
public partial class ResellerClient : IDisposable
{
    /// <summary>
    /// The name of the <see cref="System.Diagnostics.ActivitySource"/> the client traces on: a span per operation
    /// (<c>ResellerClient.CreateSubscription</c>) and one per HTTP attempt below it, with OpenTelemetry's HTTP client
    /// attributes. With OpenTelemetry: <c>.AddSource(ResellerClient.ActivitySourceName)</c>. Untraced calls cost nothing.
    /// </summary>
    public const string ActivitySourceName = "Exclaimer.Reseller.Sdk";

    private readonly ClientSettings _settings = null!;
    private readonly CloudApiConnection _connection = null!;
    private readonly ResellerTransport? _ownedTransport;
    private readonly ILogger _log = NullLogger.Instance;
    private readonly SpfChecker _spf = null!;

    /// <summary>For mocking.</summary>
    protected ResellerClient()
    {
    }

    /// <summary>Creates a client for the server the options choose.</summary>
    /// <param name="options">Which server, which token, how hard to try. Read once: later changes have no effect.</param>
    /// <exception cref="ArgumentException">The options are not valid or choose no server; the message names the option.</exception>
    public ResellerClient(ResellerClientOptions options)
    {
        _settings = ClientSettings.From(options);
        _log = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Exclaimer.Reseller.Sdk");
        var transport = options.Transport;
        if (transport is null)
        {
            transport = ResellerTransport.CreateDefault();
            _ownedTransport = transport;
        }

        _connection = new CloudApiConnection(_settings, transport, _log);
        _spf = new SpfChecker(_settings.Dns);
    }

    /// <summary>The address calls go to, with the API segment, e.g. <c>https://cloudapi.exclaimer.com/exclaimerapi/</c>.</summary>
    public virtual Uri BaseAddress => _settings.BaseAddress;

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the HTTP stack when the client made it (a transport given in the options stays the caller's).</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection?.Dispose();
            _ownedTransport?.Dispose();
        }
    }

    /// <summary>Runs an operation under its span when someone listens (<see cref="ActivitySourceName"/>); otherwise as it is.</summary>
    private Task<T> Traced<TState, T>(string operation, TState state, Func<ResellerClient, TState, Task<T>> call) =>
        ClientTracing.IsEnabled
            ? ClientTracing.OperationAsync(operation, _connection.Redactor, (Client: this, State: state, Call: call), static s => s.Call(s.Client, s.State))
            : Untraced(call, state);

    /// <inheritdoc cref="Traced{TState, T}(string, TState, Func{ResellerClient, TState, Task{T}})"/>
    private Task Traced<TState>(string operation, TState state, Func<ResellerClient, TState, Task> call) =>
        ClientTracing.IsEnabled
            ? ClientTracing.OperationAsync(operation, _connection.Redactor, (Client: this, State: state, Call: call), static s => s.Call(s.Client, s.State))
            : Untraced(call, state);

    /// <summary>
    /// The call as it is, but a bad argument that a non-async operation throws at once comes back in the task, as it does
    /// when traced: a caller sees the same failure, at the same place, whether anyone listens or not.
    /// </summary>
    private Task<T> Untraced<TState, T>(Func<ResellerClient, TState, Task<T>> call, TState state)
    {
        try
        {
            return call(this, state);
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    /// <inheritdoc cref="Untraced{TState, T}(Func{ResellerClient, TState, Task{T}}, TState)"/>
    private Task Untraced<TState>(Func<ResellerClient, TState, Task> call, TState state)
    {
        try
        {
            return call(this, state);
        }
        catch (Exception ex)
        {
            return Task.FromException(ex);
        }
    }

    private int PageSizeOrDefault(int? hint) =>
        hint is null ? _settings.PageSize : Math.Max(1, Math.Min(hint.Value, ResellerClientOptions.MaxPageSize));

    /// <summary>Reads one subscription, and whether the emulator answered (its extension routes are there to use).</summary>
    private async Task<(Subscription Subscription, bool FromEmulator)> ReadSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Get(CloudApiRoutes.Subscription(subscriptionId), subscriptionId: subscriptionId);
        var reply = await _connection.SendAsync(request, CloudApiJsonContext.Default.SingleSubscriptionResponse, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
        {
            throw CloudApiErrors.FromReply(reply, request);
        }

        var response = (SingleSubscriptionResponse)reply.Value!;
        return (ToSubscription(request, response.Subscription), reply.FromEmulator);
    }

    private static Subscription ToSubscription(CloudApiRequest request, CloudApiSubscription? wire) =>
        wire is { SubscriptionId.Length: > 0 }
            ? wire.ToSubscription()
            : throw CloudApiErrors.InvalidResponse(request, 200, wire is null ? "its body has no Subscription" : "its Subscription has no SubscriptionID", null, null, null);

    private async Task<Subscription?> FindSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            return await GetSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        }
        catch (ResellerNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Explains a refused change from the subscription's state: an archived subscription must be reactivated first
    /// (R16). When the state does not explain it, the server's own refusal stands.
    /// </summary>
    private async Task<ResellerException> RefusalAsync(CloudApiReply reply, CloudApiRequest request, string subscriptionId, string action, CancellationToken cancellationToken)
    {
        if (reply.Status is 400 or 409 && await FindSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is { IsArchived: true } archived)
        {
            return RuleErrors.NotWhileArchived(archived, action, reply.Details);
        }

        return CloudApiErrors.FromReply(reply, request);
    }
}
