using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.CloudApi.Http;
using Exclaimer.Reseller.Sdk.CloudApi.Wire;
using Exclaimer.Reseller.Sdk.LocalEngine;
using Exclaimer.Reseller.Sdk.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exclaimer.Reseller.Sdk.CloudApi;

/// <summary>
/// Carries <see cref="ResellerClient"/> calls to the Exclaimer Cloud API over HTTPS, so the same client code works
/// against production by changing options, not code. Every call sends the <c>ExAPIToken</c> header, is retried on
/// transient failures (408, 429, 5xx, connection errors, attempt timeouts) with jittered exponential backoff and
/// <c>Retry-After</c>, and fails with a <see cref="ResellerException"/>. The input rules (R3-R17) are checked
/// before anything is sent, by the same code as the local engine.
/// </summary>
/// <remarks>
/// Where the Cloud API has no call, the transport does what the rulebook says and never pretends: starting a
/// subscription returns the portal link (R11, R12), the SPF record is computed locally from the data centre the
/// caller gives (R14), and resending an invitation fails with <c>NotSupportedByCloudApi</c> (R6). Changes the API
/// answers with 204 are read back with one GET to return the updated <see cref="Subscription"/>.
/// </remarks>
/// <example>
/// <code>
/// using var transport = new CloudApiTransport(new CloudApiOptions { ApiToken = token, Environment = CloudApiEnvironment.Sandbox });
/// using var client = new ResellerClient(new ResellerClientOptions { Transport = transport, PageSize = 200 });
/// await foreach (var subscription in client.GetSubscriptionsAsync())
/// {
///     Console.WriteLine($"{subscription.CustomerName}: {subscription.Status}");
/// }
/// </code>
/// </example>
public sealed partial class CloudApiTransport : ResellerTransport
{
    private readonly CloudApiSettings _settings;
    private readonly CloudApiConnection _connection;
    private readonly ILogger _log;

    /// <summary>Creates the transport.</summary>
    /// <param name="options">Which API, which token, how hard to try. Read once: later changes have no effect.</param>
    /// <param name="httpClient">
    /// An <see cref="HttpClient"/> to send through (it is not disposed, and its <see cref="HttpClient.Timeout"/> applies
    /// on top of <see cref="CloudApiOptions.AttemptTimeout"/>); <see langword="null"/> to create one for this transport.
    /// </param>
    /// <param name="loggerFactory">Receives the transport's log; the token and invitation links are never logged (R18).</param>
    /// <exception cref="ArgumentException">The options are not valid; the message names the property.</exception>
    public CloudApiTransport(CloudApiOptions options, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null)
        : this(CloudApiSettings.From(options), httpClient, loggerFactory)
    {
    }

    /// <summary>Creates the transport over a source of clients, e.g. <c>IHttpClientFactory</c>.</summary>
    internal CloudApiTransport(CloudApiOptions options, Func<HttpClient> httpClientSource, ILoggerFactory? loggerFactory)
    {
        _settings = CloudApiSettings.From(options);
        _log = CreateLogger(loggerFactory);
        _connection = new CloudApiConnection(_settings, httpClientSource, ownedClient: null, _log);
    }

    private CloudApiTransport(CloudApiSettings settings, HttpClient? httpClient, ILoggerFactory? loggerFactory)
    {
        _settings = settings;
        _log = CreateLogger(loggerFactory);
        var owned = httpClient is null ? CreateHttpClient() : null;
        var client = httpClient ?? owned!;
        _connection = new CloudApiConnection(_settings, () => client, owned, _log);
    }

    /// <summary>The address calls go to, with the API segment, e.g. <c>https://cloudapi.exclaimer.com/exclaimerapi/</c>.</summary>
    public Uri BaseAddress => _settings.BaseAddress;

    /// <inheritdoc />
    /// <remarks>
    /// <c>GET /1.0/subscriptions</c>, one Cloud API page per page. Only a <see cref="SubscriptionStatus.Active"/> filter
    /// is sent to the API (<c>ActiveOnly</c>); the other filters apply to each page as it arrives, so a page may hold
    /// fewer items than asked, even none, and nothing loads all pages at once (R2).
    /// </remarks>
    public override Task<Page<Subscription>> GetSubscriptionsPageAsync(SubscriptionQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var filter = SubscriptionFilter.For(query);
        return SubscriptionPageAsync(filter, activeOnly: query.Status == SubscriptionStatus.Active, continuationToken, pageSize, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The archive is the subscriptions whose status is Cancelled or Ended (R16), filtered page by page.</remarks>
    public override Task<Page<Subscription>> GetArchivedSubscriptionsPageAsync(ArchiveQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var filter = SubscriptionFilter.For(query);
        return SubscriptionPageAsync(filter, activeOnly: false, continuationToken, pageSize, cancellationToken);
    }

    /// <inheritdoc />
    public override Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        _connection.GetAsync(
            CloudApiRequest.Get(CloudApiRoutes.Subscription(subscriptionId), subscriptionId: subscriptionId),
            CloudApiJsonContext.Default.SingleSubscriptionResponse,
            static (response, sent) => response.Subscription?.ToSubscription()
                ?? throw CloudApiErrors.InvalidResponse(sent, 200, "its body has no Subscription", null, null, null),
            cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// <c>POST /v2.0/subscriptions</c>, then one GET to return the subscription as the API holds it. The Cloud API
    /// needs the customer's <see cref="CreateSubscriptionOptions.Domain"/> and an owner: the customer contact with
    /// customer access (who gets the welcome email, R5, R6), otherwise <see cref="CloudApiOptions.ResellerAdminEmail"/>
    /// with no email to the customer (R4). A <c>SubscriptionID</c> is always sent (generated when not given), so a
    /// retry after a lost answer finds the subscription it already made and never makes a second one (R9).
    /// </remarks>
    public override async Task<Subscription> CreateSubscriptionAsync(CreateSubscriptionOptions options, CancellationToken cancellationToken)
    {
        var validated = ValidateCreate(options, out var owner);
        var subscriptionId = validated.SubscriptionId ?? NewSubscriptionId();
        var sku = SubscriptionSku.For(validated.Product, validated.Tier);
        var body = new AddSubscriptionRequest
        {
            SubscriptionId = subscriptionId,
            EmailAddress = owner,
            MailboxCount = validated.UserCount,
            CountryCode = validated.CountryCode,
            DataCenter = options.DataCenter,
            SendWelcomeEmailToCustomer = validated.AllowCustomerEditing,
            SubscriptionName = validated.CustomerName,
            Sku = sku,
            SkipTrial = validated.SkipTrial ? true : null,
            EndUser = EndUserFor(validated),
            Reseller = _settings.ResellerDomain is { } resellerDomain ? new AddSubscriptionReseller { Domain = resellerDomain } : null,
        };
        var request = CloudApiRequest.Json(HttpMethod.Post, CloudApiRoutes.CreateSubscription, body, CloudApiJsonContext.Default.AddSubscriptionRequest, subscriptionId);
        var reply = await _connection.SendAsync(request, CloudApiJsonContext.Default.AddSubscriptionResponse, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            var createdId = (reply.Value as AddSubscriptionResponse)?.SubscriptionId is { Length: > 0 } echoed ? echoed : subscriptionId;
            CloudApiLog.Created(_log, createdId, sku, validated.UserCount);
            var created = await ReadBackAsync(createdId, "created", () => Sent(createdId, validated, sku, reply.Value as AddSubscriptionResponse), cancellationToken).ConfigureAwait(false);
            return WithRequestDetails(created, validated, options.DataCenter);
        }

        if (reply.Status is 400 or 409)
        {
            // The id may be taken: by an earlier attempt of this very call whose answer was lost, or by someone else (R9).
            var existing = await FindSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                if (reply.WasRetried && IsWhatWasAsked(existing, validated, sku))
                {
                    CloudApiLog.CreateConfirmed(_log, subscriptionId);
                    return WithRequestDetails(existing, validated, options.DataCenter);
                }

                throw RuleErrors.SubscriptionAlreadyExists(subscriptionId, existing.CustomerName).WithCallDetails(reply.ErrorBody, reply.RequestId, subscriptionId);
            }
        }

        throw CloudApiErrors.FromReply(reply, request);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The Cloud API has no call for the connection to Microsoft 365 or Google Workspace: it is an interactive
    /// consent in the portal (R11, R12). This reads the subscription, checks the deployment choice (R11) and returns
    /// <see cref="CloudApiOptions.PortalUri"/> with <see cref="SubscriptionStart.Configured"/> <see langword="false"/>;
    /// nothing is written.
    /// </remarks>
    public override async Task<SubscriptionStart> StartSubscriptionAsync(string subscriptionId, DeploymentOptions deployment, CancellationToken cancellationToken)
    {
        var subscription = await GetSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        if (subscription.Status != SubscriptionStatus.Active)
        {
            throw ResellerConflictException.InvalidState(subscription, "started", "it is active");
        }

        SubscriptionRules.Deployment(deployment, subscription.Product);
        CloudApiLog.StartIsInPortal(_log, subscription.SubscriptionId);
        return new SubscriptionStart
        {
            Subscription = subscription,
            Configured = false,
            WasAlreadyConfigured = false,
            Deployment = DeploymentOptions.None,
            HomePage = _settings.PortalUri,
        };
    }

    /// <inheritdoc />
    /// <remarks>
    /// A new user count is <c>PUT .../mailbox-count</c>, a new name <c>PUT /1.0/subscriptions/{id}</c>; then one GET.
    /// When both change and the rename fails, the user count is set back (R17) before the error is thrown.
    /// </remarks>
    public override async Task<Subscription> UpdateSubscriptionAsync(string subscriptionId, UpdateSubscriptionOptions options, CancellationToken cancellationToken)
    {
        SubscriptionRules.ValidateUpdate(options);
        var before = options.UserCount is not null && options.CustomerName is not null
            ? await GetSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false)
            : null;
        if (options.UserCount is { } count)
        {
            await SetUserCountAsync(subscriptionId, count, cancellationToken).ConfigureAwait(false);
        }

        if (options.CustomerName is { } name)
        {
            var rename = CloudApiRequest.Json(
                HttpMethod.Put,
                CloudApiRoutes.Subscription(subscriptionId),
                new UpdateSubscriptionDetailsRequest { SubscriptionName = name.Trim() },
                CloudApiJsonContext.Default.UpdateSubscriptionDetailsRequest,
                subscriptionId);
            try
            {
                await _connection.SendOrThrowAsync(rename, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (before is not null)
            {
                // Refused, failed or cancelled between the two changes: undo the first so nothing is half-done (R17).
                await RollBackUserCountAsync(subscriptionId, before.UserCount).ConfigureAwait(false);
                throw;
            }
        }

        return await ReadBackAsync(subscriptionId, "changed", null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks><c>PUT .../activate-full</c>, then one GET. Safe to repeat: a subscription already full is returned as it is.</remarks>
    public override Task<Subscription> ActivateFullSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ChangeStateAsync(subscriptionId, CloudApiRequest.Put(CloudApiRoutes.ActivateFull(subscriptionId), subscriptionId), "converted to a full subscription", s => !s.InTrial && !s.IsArchived, cancellationToken);

    /// <inheritdoc />
    /// <remarks><c>PUT .../deactivate</c>, then one GET. Safe to repeat.</remarks>
    public override Task<Subscription> SuspendSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ChangeStateAsync(subscriptionId, CloudApiRequest.Put(CloudApiRoutes.Deactivate(subscriptionId), subscriptionId), "suspended", s => s.Status == SubscriptionStatus.Suspended, cancellationToken);

    /// <inheritdoc />
    /// <remarks><c>PUT .../reactivate</c> with <c>{"InTrial": restartTrial}</c>, then one GET.</remarks>
    public override Task<Subscription> ReactivateSubscriptionAsync(string subscriptionId, bool restartTrial, CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Json(
            HttpMethod.Put,
            CloudApiRoutes.Reactivate(subscriptionId),
            new ReactivateSubscriptionRequest { InTrial = restartTrial },
            CloudApiJsonContext.Default.ReactivateSubscriptionRequest,
            subscriptionId);

        // A refused fresh trial is never taken for success; a plain reactivation of an active subscription is.
        return ChangeStateAsync(subscriptionId, request, "reactivated", s => !restartTrial && s.Status == SubscriptionStatus.Active, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>PUT .../end</c>, then one GET: the subscription's status becomes Cancelled or Ended, which is the archive
    /// (R15, R16). Safe to repeat: an archived subscription is returned as it is.
    /// </remarks>
    public override Task<Subscription> CancelSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ChangeStateAsync(subscriptionId, CloudApiRequest.Put(CloudApiRoutes.End(subscriptionId), subscriptionId), "cancelled", s => s.IsArchived, cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// The Cloud API has no SPF call and does not report a subscription's data centre, so
    /// <see cref="SpfRecordOptions.DataCenter"/> is required here; the record is computed by the same rules as the
    /// local engine (R14) after one GET that finds the product. Nothing is published.
    /// </remarks>
    public override async Task<SpfRecordUpdate> UpdateSpfRecordAsync(string subscriptionId, SpfRecordOptions options, CancellationToken cancellationToken)
    {
        var domain = SubscriptionRules.Domain(options.Domain ?? string.Empty, "Domain");
        if (options.DataCenter is null or DataCenter.Unknown)
        {
            throw ResellerValidationException.Missing(
                "DataCenter",
                "R14",
                "the Cloud API does not report a subscription's data centre, which picks the SPF include; give SpfRecordOptions.DataCenter (the one the subscription was created in)");
        }

        var subscription = await GetSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        if (subscription.IsArchived)
        {
            throw ResellerConflictException.InvalidState(subscription, "given an SPF record", "it is not archived; reactivate it first (R16)");
        }

        return SpfProposal.For(subscription, options.DataCenter, domain, options.CurrentRecord);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The Cloud API has no call to send an invitation again, so this never pretends to: it fails with
    /// <see cref="ResellerException.ErrorCode"/> <c>NotSupportedByCloudApi</c> and sends nothing (R6).
    /// </remarks>
    public override Task<Invitation> ResendInvitationAsync(string subscriptionId, CancellationToken cancellationToken) =>
        Task.FromException<Invitation>(CloudApiErrors.NotSupported(
            subscriptionId,
            $"The Exclaimer Cloud API has no call to send an invitation again, so nothing was sent for subscription '{subscriptionId}' (R6). "
            + "The welcome email goes out once, when a subscription is created with customer access; to reach the customer again, "
            + $"resend it from the Exclaimer portal ({_settings.PortalUri}) or ask Exclaimer support."));

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ILogger CreateLogger(ILoggerFactory? loggerFactory) =>
        (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Exclaimer.Reseller.Sdk.CloudApi");

    private static HttpClient CreateHttpClient()
    {
        // No automatic decompression, as with IHttpClientFactory's default handler: asking for gzip costs every call
        // (docs/benchmarks.md). To have large list pages compressed, pass an HttpClient whose handler decompresses.
#if NET
        // Long-lived client, fresh DNS: connections are recycled rather than kept forever.
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
#else
        var handler = new HttpClientHandler();
#endif

        // The resilience pipeline owns every timeout.
        return new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    private static string NewSubscriptionId() => Guid.NewGuid().ToString("N");

    private static AddSubscriptionEndUser EndUserFor(ValidatedCreate validated)
    {
        var endUser = new AddSubscriptionEndUser { Domain = validated.Domain! };
        if (validated.AllowCustomerEditing && validated.ContactName is { } contactName)
        {
            // Contact details go only with customer access: without it the customer gets no email at all (R4).
            var space = contactName.IndexOf(' ');
            endUser.FirstName = space < 0 ? contactName : contactName.Substring(0, space);
            endUser.LastName = space < 0 ? null : contactName.Substring(space + 1).Trim();
            endUser.EmailAddress = validated.ContactEmail;
        }

        return endUser;
    }

    private static bool IsWhatWasAsked(Subscription existing, ValidatedCreate validated, string sku) =>
        string.Equals(existing.CustomerName, validated.CustomerName, StringComparison.Ordinal)
        && string.Equals(existing.Sku, sku, StringComparison.OrdinalIgnoreCase)
        && existing.UserCount == validated.UserCount;

    /// <summary>What the API is known to hold right after a create, for when it cannot be read back.</summary>
    private static Subscription Sent(string subscriptionId, ValidatedCreate validated, string sku, AddSubscriptionResponse? response) =>
        new()
        {
            SubscriptionId = subscriptionId,
            CustomerName = validated.CustomerName,
            OwnerUserId = response?.UserId,
            Sku = sku,
            Tier = validated.Tier,
            UserCount = validated.UserCount,
            Status = SubscriptionStatus.Active,
            InTrial = !validated.SkipTrial,
        };

    /// <summary>Adds what the call itself sent and the API does not report back (domain, country, contact).</summary>
    private static Subscription WithRequestDetails(Subscription subscription, ValidatedCreate validated, DataCenter? chosenDataCenter) =>
        subscription with
        {
            Domain = subscription.Domain ?? validated.Domain,
            CountryCode = subscription.CountryCode ?? validated.CountryCode,
            DataCenter = subscription.DataCenter ?? chosenDataCenter,
            AllowCustomerEditing = validated.AllowCustomerEditing,
            ContactName = validated.AllowCustomerEditing ? validated.ContactName : null,
            ContactEmail = validated.AllowCustomerEditing ? validated.ContactEmail : null,
        };

    private async Task<Page<Subscription>> SubscriptionPageAsync(SubscriptionFilter filter, bool activeOnly, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var query = CloudApiPaging.Query(continuationToken, pageSize) + (activeOnly ? "&ActiveOnly=true" : string.Empty);
        var response = await _connection.GetAsync(CloudApiRequest.Get(CloudApiRoutes.Subscriptions, query), CloudApiJsonContext.Default.SubscriptionsResponse, cancellationToken).ConfigureAwait(false);
        var items = response.Subscriptions;
        var matches = new List<Subscription>(items?.Count ?? 0);
        foreach (var item in items ?? Enumerable.Empty<CloudApiSubscription>())
        {
            var subscription = item.ToSubscription();
            if (filter.Matches(subscription))
            {
                matches.Add(subscription);
            }
        }

        return Page<Subscription>.FromValues(matches, CloudApiPaging.Next(continuationToken, response.ContinuationToken));
    }

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

    private async Task SetUserCountAsync(string subscriptionId, int count, CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Json(
            HttpMethod.Put,
            CloudApiRoutes.MailboxCount(subscriptionId),
            new UpdateMailboxCountRequest { MailboxCount = count },
            CloudApiJsonContext.Default.UpdateMailboxCountRequest,
            subscriptionId);
        await _connection.SendOrThrowAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task RollBackUserCountAsync(string subscriptionId, int userCount)
    {
        try
        {
            // Not the caller's token: the rollback must run even when the caller gave up.
            await SetUserCountAsync(subscriptionId, userCount, CancellationToken.None).ConfigureAwait(false);
            CloudApiLog.UpdateRolledBack(_log, subscriptionId, userCount);
        }
        catch (ResellerException ex)
        {
            CloudApiLog.UpdateRollbackFailed(_log, subscriptionId, userCount, ex.ErrorCode);
        }
    }

    /// <summary>
    /// Sends a state change the API answers with 204 and reads the result back. A refusal (400, 409) is taken for
    /// success only when the subscription already is where the caller wanted it: a repeat is safe, a real refusal is not hidden.
    /// </summary>
    private async Task<Subscription> ChangeStateAsync(string subscriptionId, CloudApiRequest request, string action, Func<Subscription, bool> reached, CancellationToken cancellationToken)
    {
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            CloudApiLog.Changed(_log, subscriptionId, action);
            return await ReadBackAsync(subscriptionId, action, null, cancellationToken).ConfigureAwait(false);
        }

        if (reply.Status is 400 or 409 && await FindSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is { } current && reached(current))
        {
            return current;
        }

        throw CloudApiErrors.FromReply(reply, request);
    }

    /// <summary>Reads a subscription back after a change; when that fails and a fallback is known, returns the fallback.</summary>
    private async Task<Subscription> ReadBackAsync(string subscriptionId, string action, Func<Subscription>? fallback, CancellationToken cancellationToken)
    {
        if (fallback is null)
        {
            return await GetSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await GetSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        }
        catch (ResellerException ex)
        {
            // The change happened: failing now would tell a runbook to do it again.
            CloudApiLog.ReadBackFailed(_log, subscriptionId, action, ex.ErrorCode);
            return fallback();
        }
    }
}
