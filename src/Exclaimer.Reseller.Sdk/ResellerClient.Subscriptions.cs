using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Spf;
using Exclaimer.Reseller.Sdk.Wire;

namespace Exclaimer.Reseller.Sdk;

/// <content>Subscriptions: the overview, the archive, create, start, change, suspend, reactivate, cancel, SPF, invitations.</content>
public partial class ResellerClient
{
    /// <summary>The current subscriptions (the portal's overview, R2), filtered and fetched a page at a time.</summary>
    /// <param name="query">Filters; <see langword="null"/> for every current subscription.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <remarks>
    /// <c>GET /1.0/subscriptions</c>, one request per page; when the server reports the total, the pages after the first
    /// are fetched <see cref="ResellerClientOptions.PageConcurrency"/> at a time and handed over in order. The server
    /// applies <see cref="SubscriptionStatus.Active"/> (<c>ActiveOnly</c>), <see cref="SubscriptionQuery.OverageOnly"/> and
    /// <see cref="SubscriptionQuery.ResellerId"/>; the other filters apply to each page as it arrives, so a page may hold
    /// fewer items than asked, even none, and nothing loads all pages at once (R2). <see cref="SubscriptionQuery.Domain"/>
    /// and <see cref="SubscriptionQuery.DataCenter"/> need fields only the emulator reports: over the Cloud API they fail
    /// with <c>NotSupportedByCloudApi</c>.
    /// </remarks>
    public virtual AsyncPageable<Subscription> GetSubscriptionsAsync(SubscriptionQuery? query = null, CancellationToken cancellationToken = default)
    {
        var request = query ?? new SubscriptionQuery();
        var filter = SubscriptionFilter.For(request);
        var activeOnly = request.Status == SubscriptionStatus.Active;
        return AsyncPageable<Subscription>.Create(
            (token, size, ct) => Traced(
                "ResellerClient.GetSubscriptions",
                (filter, activeOnly, token, size, ct),
                static (client, s) => client.SubscriptionPageAsync(s.filter, s.activeOnly, CloudApiPaging.Query(s.token, client.PageSizeOrDefault(s.size)), client.PageSizeOrDefault(s.size), s.ct)),
            (page, size, ct) => Traced(
                "ResellerClient.GetSubscriptions",
                (filter, activeOnly, page, size, ct),
                static (client, s) => client.SubscriptionPageAsync(s.filter, s.activeOnly, CloudApiPaging.NumberedQuery(s.page, s.size), s.size, s.ct)),
            _settings.PageConcurrency,
            "subscriptions",
            cancellationToken);
    }

    /// <summary>The archive: cancelled and ended subscriptions with their details (R16), filtered and paged.</summary>
    /// <param name="query">Filters; <see langword="null"/> for the whole archive.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <remarks>The archive is the subscriptions whose status is Cancelled or Ended (R16), filtered page by page.</remarks>
    public virtual AsyncPageable<Subscription> GetArchivedSubscriptionsAsync(ArchiveQuery? query = null, CancellationToken cancellationToken = default)
    {
        var filter = SubscriptionFilter.For(query ?? new ArchiveQuery());
        return AsyncPageable<Subscription>.Create(
            (token, size, ct) => Traced(
                "ResellerClient.GetArchivedSubscriptions",
                (filter, token, size, ct),
                static (client, s) => client.SubscriptionPageAsync(s.filter, activeOnly: false, CloudApiPaging.Query(s.token, client.PageSizeOrDefault(s.size)), client.PageSizeOrDefault(s.size), s.ct)),
            (page, size, ct) => Traced(
                "ResellerClient.GetArchivedSubscriptions",
                (filter, page, size, ct),
                static (client, s) => client.SubscriptionPageAsync(s.filter, activeOnly: false, CloudApiPaging.NumberedQuery(s.page, s.size), s.size, s.ct)),
            _settings.PageConcurrency,
            "archived subscriptions",
            cancellationToken);
    }

    /// <summary>One subscription with all its details (R13), current or archived (<c>GET /1.0/subscriptions/{id}</c>).</summary>
    /// <exception cref="ResellerNotFoundException">No subscription has that id.</exception>
    public virtual Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.GetSubscription", (subscriptionId, cancellationToken), static (client, s) => client.GetSubscriptionCoreAsync(s.subscriptionId, s.cancellationToken));

    private Task<Subscription> GetSubscriptionCoreAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        return _connection.GetAsync(
            CloudApiRequest.Get(CloudApiRoutes.Subscription(id), subscriptionId: id),
            CloudApiJsonContext.Default.SingleSubscriptionResponse,
            static (response, sent) => ToSubscription(sent, response.Subscription),
            cancellationToken);
    }

    /// <summary>
    /// Creates a customer subscription (R3-R9). It starts with a 14-day trial (or <see cref="CreateSubscriptionOptions.TrialDays"/>)
    /// unless <see cref="CreateSubscriptionOptions.SkipTrial"/> is set (R7); with customer access the customer gets an
    /// invitation (R6). The billing currency is <see cref="CreateSubscriptionOptions.Currency"/>, or the Cloud API's default,
    /// GBP: it cannot be changed afterwards.
    /// </summary>
    /// <remarks>
    /// <c>POST /v2.0/subscriptions</c>, then one GET to return the subscription as the server holds it. Every server
    /// needs the customer's <see cref="CreateSubscriptionOptions.Domain"/> and an owner: the customer contact with customer
    /// access (who gets the welcome email, R5, R6), otherwise <see cref="ResellerClientOptions.ResellerAdminEmail"/> with no
    /// email to the customer (R4). A <c>SubscriptionID</c> is always sent (generated when not given), so a retry after a
    /// lost answer finds the subscription it already made and never makes a second one (R9).
    /// </remarks>
    /// <exception cref="ResellerValidationException">An input is missing or malformed; the message names the field. Nothing was sent.</exception>
    /// <exception cref="ResellerConflictException">A subscription with that id already exists (R9). Nothing was created.</exception>
    public virtual Task<Subscription> CreateSubscriptionAsync(CreateSubscriptionOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.CreateSubscription", (options, cancellationToken), static (client, s) => client.CreateSubscriptionCoreAsync(s.options, s.cancellationToken));

    private async Task<Subscription> CreateSubscriptionCoreAsync(CreateSubscriptionOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var validated = SubscriptionRules.ValidateCreate(options, _settings.DefaultCountryCode, _settings.ResellerAdminEmail, _settings.CloudApiCreateRules);
        var subscriptionId = validated.SubscriptionId ?? NewSubscriptionId();
        var sku = SubscriptionSku.For(validated.Product, validated.Tier);
        var body = new AddSubscriptionRequest
        {
            SubscriptionId = subscriptionId,
            EmailAddress = validated.OwnerEmail,
            MailboxCount = validated.UserCount,
            CountryCode = validated.CountryCode,
            DataCenter = validated.DataCenter,
            SendWelcomeEmailToCustomer = validated.AllowCustomerEditing,
            SubscriptionName = validated.CustomerName,
            Sku = sku,
            SkipTrial = validated.SkipTrial ? true : null,
            TrialDays = validated.TrialDays,
            CurrencyCode = validated.Currency,
            UserId = validated.OwnerUserId,
            BillingGroup = validated.BillingGroup,
            EndUser = EndUserFor(validated),
            Reseller = _settings.ResellerDomain is { } resellerDomain ? new AddSubscriptionReseller { Domain = resellerDomain } : null,
        };
        var request = CloudApiRequest.Json(HttpMethod.Post, CloudApiRoutes.CreateSubscription, body, CloudApiJsonContext.Default.AddSubscriptionRequest, subscriptionId);
        var reply = await _connection.SendAsync(request, CloudApiJsonContext.Default.AddSubscriptionResponse, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            var createdId = (reply.Value as AddSubscriptionResponse)?.SubscriptionId is { Length: > 0 } echoed ? echoed : subscriptionId;
            ClientLog.Created(_log, createdId, sku, validated.UserCount);

            // Not the caller's token: the create has happened, and a caller who gave up now still gets what it made (R9, R17).
            var created = await ReadBackAsync(createdId, "created", () => Sent(createdId, validated, sku, reply.Value as AddSubscriptionResponse), CancellationToken.None).ConfigureAwait(false);
            return WithRequestDetails(created, validated);
        }

        if (reply.Status is 400 or 409)
        {
            // The id may be taken: by an earlier attempt of this very call whose answer was lost, or by someone else (R9).
            var existing = await FindSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                if (reply.WasRetried && IsWhatWasAsked(existing, validated, sku))
                {
                    ClientLog.CreateConfirmed(_log, subscriptionId);
                    return WithRequestDetails(existing, validated);
                }

                throw RuleErrors.SubscriptionAlreadyExists(existing.SubscriptionId, existing.CustomerName, reply.Details);
            }
        }

        throw CloudApiErrors.FromReply(reply, request);
    }

    /// <summary>
    /// Starts a subscription. The first time, it configures the connection with the chosen deployment: at least one of
    /// server-side, client-side and Exchange on-premises (Microsoft 365 only) (R11). When the subscription is already
    /// configured nothing is configured again and the result points at its home page (R12).
    /// </summary>
    /// <remarks>
    /// The Cloud API has no call for the connection to Microsoft 365 or Google Workspace: it is an interactive consent in
    /// the portal. Against the Cloud API this reads the subscription, checks the deployment choice (R11) and returns
    /// <see cref="ResellerClientOptions.PortalUri"/> with <see cref="SubscriptionStart.Configured"/> <see langword="false"/>;
    /// nothing is written. The emulator configures it (its <c>_emulator/.../start</c> extension).
    /// </remarks>
    /// <exception cref="ResellerValidationException">No deployment option on a first start, or Exchange on-premises for Google Workspace.</exception>
    /// <exception cref="ResellerConflictException">The subscription is not active.</exception>
    public virtual Task<SubscriptionStart> StartSubscriptionAsync(string subscriptionId, DeploymentOptions deployment, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.StartSubscription", (subscriptionId, deployment, cancellationToken), static (client, s) => client.StartSubscriptionCoreAsync(s.subscriptionId, s.deployment, s.cancellationToken));

    private async Task<SubscriptionStart> StartSubscriptionCoreAsync(string subscriptionId, DeploymentOptions deployment, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        var (subscription, fromEmulator) = await ReadSubscriptionAsync(id, cancellationToken).ConfigureAwait(false);
        if (subscription.Status != SubscriptionStatus.Active)
        {
            throw RuleErrors.InvalidState(subscription, "started", "it is active");
        }

        if (!subscription.IsConfigured)
        {
            SubscriptionRules.Deployment(deployment, subscription.Product);
        }

        if (!fromEmulator)
        {
            ClientLog.StartIsInPortal(_log, subscription.SubscriptionId);
            return new SubscriptionStart
            {
                Subscription = subscription,
                Configured = false,
                WasAlreadyConfigured = false,
                Deployment = DeploymentOptions.None,
                HomePage = _settings.PortalUri,
            };
        }

        var request = CloudApiRequest.Json(
            HttpMethod.Post,
            CloudApiRoutes.EmulatorStart(id),
            new StartSubscriptionRequest { Deployment = deployment },
            CloudApiJsonContext.Default.StartSubscriptionRequest,
            id);
        var reply = await _connection.SendAsync(request, CloudApiJsonContext.Default.StartSubscriptionResponse, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
        {
            throw reply.Status is 400 or 409 && await FindSubscriptionAsync(id, cancellationToken).ConfigureAwait(false) is { } current && current.Status != SubscriptionStatus.Active
                ? RuleErrors.InvalidState(current, "started", "it is active")
                : CloudApiErrors.FromReply(reply, request);
        }

        var started = (StartSubscriptionResponse)reply.Value!;
        if (started.Configured)
        {
            ClientLog.Started(_log, id, started.Deployment);
        }

        return new SubscriptionStart
        {
            Subscription = started.Subscription is { SubscriptionId.Length: > 0 } wire ? wire.ToSubscription() : subscription,
            Configured = started.Configured,
            WasAlreadyConfigured = started.WasAlreadyConfigured,
            Deployment = started.Deployment,
            HomePage = started.HomePage ?? _settings.PortalUri,
        };
    }

    /// <summary>Changes the number of users or the customer name (R13).</summary>
    /// <remarks>
    /// A new user count is <c>PUT .../mailbox-count</c>, a new name <c>PUT /1.0/subscriptions/{id}</c>; then one GET. When
    /// both change and the rename fails, the user count is set back (R17) before the error is thrown.
    /// </remarks>
    public virtual Task<Subscription> UpdateSubscriptionAsync(string subscriptionId, UpdateSubscriptionOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.UpdateSubscription", (subscriptionId, options, cancellationToken), static (client, s) => client.UpdateSubscriptionCoreAsync(s.subscriptionId, s.options, s.cancellationToken));

    private async Task<Subscription> UpdateSubscriptionCoreAsync(string subscriptionId, UpdateSubscriptionOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return (await UpdateAsync(subscriptionId, options, readBack: true, cancellationToken).ConfigureAwait(false))!;
    }

    private async Task<Subscription?> UpdateAsync(string subscriptionId, UpdateSubscriptionOptions options, bool readBack, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        SubscriptionRules.ValidateUpdate(options);
        var before = options.UserCount is not null && options.CustomerName is not null
            ? await GetSubscriptionAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
        if (options.UserCount is { } count)
        {
            await SetUserCountAsync(id, count, cancellationToken).ConfigureAwait(false);
        }

        if (options.CustomerName is { } name)
        {
            var rename = CloudApiRequest.Json(
                HttpMethod.Put,
                CloudApiRoutes.Subscription(id),
                new UpdateSubscriptionDetailsRequest { SubscriptionName = name.Trim() },
                CloudApiJsonContext.Default.UpdateSubscriptionDetailsRequest,
                id);
            try
            {
                var reply = await _connection.SendAsync(rename, null, cancellationToken).ConfigureAwait(false);
                if (!reply.IsSuccess)
                {
                    throw await RefusalAsync(reply, rename, id, "changed", cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception) when (before is not null)
            {
                // Refused, failed or cancelled between the two changes: undo the first so nothing is half-done (R17).
                await RollBackUserCountAsync(id, before.UserCount).ConfigureAwait(false);
                throw;
            }
        }

        ClientLog.Changed(_log, id, "changed");
        return readBack ? await ReadBackAsync(id, "changed", null, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>Converts a trial into a full subscription (R7; <c>PUT .../activate-full</c>, then one GET). Safe to repeat.</summary>
    public virtual Task<Subscription> ActivateFullSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.ActivateFullSubscription", (subscriptionId, cancellationToken), static async (client, s) => (await client.ActivateFullAsync(SubscriptionRules.ExistingId(s.subscriptionId), readBack: true, s.cancellationToken).ConfigureAwait(false))!);

    private Task<Subscription?> ActivateFullAsync(string id, bool readBack, CancellationToken cancellationToken) =>
        ChangeStateAsync(id, CloudApiRequest.Put(CloudApiRoutes.ActivateFull(id), id), "converted to a full subscription", s => !s.InTrial && !s.IsArchived, readBack, cancellationToken);

    /// <summary>
    /// Suspends a subscription: no signatures, no editor access, mail still flows (R13; <c>PUT .../deactivate</c>, then
    /// one GET). Safe to repeat.
    /// </summary>
    public virtual Task<Subscription> SuspendSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.SuspendSubscription", (subscriptionId, cancellationToken), static async (client, s) => (await client.SuspendAsync(SubscriptionRules.ExistingId(s.subscriptionId), readBack: true, s.cancellationToken).ConfigureAwait(false))!);

    private Task<Subscription?> SuspendAsync(string id, bool readBack, CancellationToken cancellationToken) =>
        ChangeStateAsync(id, CloudApiRequest.Put(CloudApiRoutes.Deactivate(id), id), "suspended", s => s.Status == SubscriptionStatus.Suspended, readBack, cancellationToken);

    /// <summary>Reactivates a suspended or archived subscription (R13, R16; <c>PUT .../reactivate</c>, then one GET).</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="restartTrial"><see langword="true"/> to start a fresh 14-day trial; otherwise the old trial or full state is kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Subscription> ReactivateSubscriptionAsync(string subscriptionId, bool restartTrial = false, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.ReactivateSubscription", (subscriptionId, restartTrial, cancellationToken), static async (client, s) => (await client.ReactivateAsync(SubscriptionRules.ExistingId(s.subscriptionId), s.restartTrial, readBack: true, s.cancellationToken).ConfigureAwait(false))!);

    private Task<Subscription?> ReactivateAsync(string id, bool restartTrial, bool readBack, CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Json(
            HttpMethod.Put,
            CloudApiRoutes.Reactivate(id),
            new ReactivateSubscriptionRequest { InTrial = restartTrial },
            CloudApiJsonContext.Default.ReactivateSubscriptionRequest,
            id);

        // A refused fresh trial is never taken for success; a plain reactivation of an active subscription is.
        return ChangeStateAsync(
            id,
            request,
            "reactivated",
            s => !restartTrial && s.Status == SubscriptionStatus.Active,
            readBack,
            cancellationToken,
            (s, details) => restartTrial && s.Status == SubscriptionStatus.Active
                ? RuleErrors.InvalidState(s, "reactivated with a new trial", "it is suspended, cancelled or ended", details)
                : null,
            archivedExplains: false);
    }

    /// <summary>
    /// Cancels a subscription: it ends and moves to the archive; nothing is deleted (R15; <c>PUT .../end</c>, then one
    /// GET). Ask the user to confirm first: the customer's signatures stop. Safe to repeat.
    /// </summary>
    public virtual Task<Subscription> CancelSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.CancelSubscription", (subscriptionId, cancellationToken), static async (client, s) => (await client.CancelAsync(SubscriptionRules.ExistingId(s.subscriptionId), readBack: true, s.cancellationToken).ConfigureAwait(false))!);

    private Task<Subscription?> CancelAsync(string id, bool readBack, CancellationToken cancellationToken) =>
        ChangeStateAsync(id, CloudApiRequest.Put(CloudApiRoutes.End(id), id), "cancelled", s => s.IsArchived, readBack, cancellationToken);

    /// <summary>
    /// Makes a change to a subscription without reading it back: one request fewer than the method that returns the
    /// subscription (<see cref="SuspendSubscriptionAsync"/>, <see cref="CancelSubscriptionAsync"/>,
    /// <see cref="ReactivateSubscriptionAsync"/>, <see cref="ActivateFullSubscriptionAsync"/>, <see cref="UpdateSubscriptionAsync"/>),
    /// with the same rules: the same input checks before anything is sent, safe to repeat, a refusal explained from
    /// the subscription's state. Use it for bulk changes whose result is not needed.
    /// </summary>
    /// <remarks>
    /// The Cloud API answers a change with <c>204 No Content</c>: when the task completes the server holds the change,
    /// and nothing is claimed about the rest of the subscription. A refused change still reads the subscription once, to
    /// tell a repeat (already where it was asked to go: done) from a real refusal.
    /// </remarks>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="change">What to change: <see cref="SubscriptionChange.Suspend"/>, <see cref="SubscriptionChange.Details"/>...</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task ChangeSubscriptionAsync(string subscriptionId, SubscriptionChange change, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.ChangeSubscription", (subscriptionId, change, cancellationToken), static (client, s) => client.ChangeSubscriptionCoreAsync(s.subscriptionId, s.change, s.cancellationToken));

    private async Task ChangeSubscriptionCoreAsync(string subscriptionId, SubscriptionChange change, CancellationToken cancellationToken)
    {
        if (change is null)
        {
            throw new ArgumentNullException(nameof(change));
        }

        var id = SubscriptionRules.ExistingId(subscriptionId);
        _ = change.Kind switch
        {
            SubscriptionChange.ChangeKind.ActivateFull => await ActivateFullAsync(id, readBack: false, cancellationToken).ConfigureAwait(false),
            SubscriptionChange.ChangeKind.Suspend => await SuspendAsync(id, readBack: false, cancellationToken).ConfigureAwait(false),
            SubscriptionChange.ChangeKind.Cancel => await CancelAsync(id, readBack: false, cancellationToken).ConfigureAwait(false),
            SubscriptionChange.ChangeKind.Reactivate => await ReactivateAsync(id, change.RestartTrial, readBack: false, cancellationToken).ConfigureAwait(false),
            _ => await UpdateAsync(id, change.Update!, readBack: false, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// Proposes the SPF record a domain needs for server-side signatures (R14): the domain's current record with the
    /// Exclaimer include for the subscription's data centre, every other term kept, checked against RFC 7208 and against
    /// DNS as it is. Nothing is published: the caller puts the proposed record in DNS.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The Cloud API has no SPF call, so the record is computed here, for every server alike, after one GET that finds the
    /// product and, when the server reports it (the emulator does; the Cloud API does not), the data centre. Against the
    /// Cloud API give <see cref="SpfRecordOptions.DataCenter"/>: the one the subscription was created in.
    /// </para>
    /// <para>
    /// Without <see cref="SpfRecordOptions.Domain"/> the record is for the mail domain the subscription was created for
    /// (read with the same GET). Without <see cref="SpfRecordOptions.CurrentRecord"/> the record is read from DNS; only a domain that does not exist
    /// or has no SPF record gets a new one. Then the proposal's every include, redirect, a, mx, ptr and exists is resolved,
    /// nested ones too, and it is refused when DNS shows it breaks RFC 7208 (over 10 lookups, over 2 void lookups, a loop,
    /// an include without a record); <see cref="SpfRecordUpdate.DnsLookupCount"/> is that count. DNS is asked through
    /// <see cref="SpfRecordOptions.NameServers"/>, else <see cref="ResellerClientOptions.Dns"/>, each lookup bounded by
    /// its timeouts.
    /// </para>
    /// </remarks>
    /// <exception cref="ResellerValidationException">
    /// The domain is not a domain name, the data centre is not known, the domain publishes more than one SPF record
    /// (<c>SpfMoreThanOneRecord</c>), or the change would break RFC 7208 (<c>SpfRecordRefused</c>); the message gives the reason.
    /// </exception>
    /// <exception cref="ResellerException">DNS failed or did not answer in time (<c>SpfDnsLookupFailed</c>); nothing was proposed.</exception>
    public virtual Task<SpfRecordUpdate> UpdateSpfRecordAsync(string subscriptionId, SpfRecordOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.UpdateSpfRecord", (subscriptionId, options, cancellationToken), static (client, s) => client.UpdateSpfRecordCoreAsync(s.subscriptionId, s.options, s.cancellationToken));

    private async Task<SpfRecordUpdate> UpdateSpfRecordCoreAsync(string subscriptionId, SpfRecordOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var id = SubscriptionRules.ExistingId(subscriptionId);
        var named = options.Domain is null ? null : SubscriptionRules.Domain(options.Domain, "Domain");
        if (options.DataCenter is DataCenter.Unknown)
        {
            throw ResellerValidationException.Invalid("DataCenter", "R14", "use EU, UK, US, AUS, CAN, DE or IND");
        }

        var checker = SpfCheckerFor(options);
        var subscription = await GetSubscriptionAsync(id, cancellationToken).ConfigureAwait(false);
        if (subscription.IsArchived)
        {
            throw RuleErrors.NotWhileArchived(subscription, "given an SPF record");
        }

        // Without a domain named, the mail domain the subscription was created for: the one its SPF step is about.
        var domain = named ?? (subscription.Domain is { Length: > 0 } own
            ? SubscriptionRules.Domain(own, "Domain")
            : throw ResellerValidationException.Missing("Domain", "R14", $"subscription '{subscription.SubscriptionId}' has no mail domain on record; give SpfRecordOptions.Domain"));

        var reported = subscription.DataCenter is DataCenter.Unknown ? null : subscription.DataCenter;
        if (options.DataCenter is { } given && reported is { } known && given != known)
        {
            throw ResellerValidationException.Invalid("DataCenter", "R14", $"subscription '{subscription.SubscriptionId}' is in data centre {known}, not {given}; leave DataCenter out to use its own");
        }

        var dataCenter = reported ?? options.DataCenter
            ?? throw ResellerValidationException.Missing(
                "DataCenter",
                "R14",
                "the server does not report the subscription's data centre, which picks the SPF include; give SpfRecordOptions.DataCenter (the one the subscription was created in)");

        // A record the caller gives wins, for checks before DNS changes; otherwise DNS says what is published now.
        var fromDns = string.IsNullOrWhiteSpace(options.CurrentRecord);
        var current = fromDns
            ? await SpfDnsCheck.CurrentRecordAsync(checker, domain, subscription.SubscriptionId, cancellationToken).ConfigureAwait(false)
            : options.CurrentRecord;
        var proposal = SpfProposal.For(subscription, dataCenter, domain, current, fromDns);
        var counted = await SpfDnsCheck.CountAsync(checker, proposal, cancellationToken).ConfigureAwait(false);
        ClientLog.SpfProposed(_log, subscription.SubscriptionId, domain, counted.DnsLookupCount, fromDns);
        return counted;
    }

    /// <summary>Sends the customer's invitation again, when it is still pending (R6).</summary>
    /// <remarks>
    /// The Cloud API has no call to send an invitation again, so against it this never pretends to: it fails with
    /// <see cref="ResellerException.ErrorCode"/> <c>NotSupportedByCloudApi</c> and sends nothing (R6). The emulator sends
    /// it (its <c>_emulator/.../invitation</c> extension).
    /// </remarks>
    /// <exception cref="ResellerValidationException">The subscription has no customer access (<c>NoCustomerAccess</c>, R4).</exception>
    /// <exception cref="ResellerConflictException">The customer already accepted, or the subscription is archived.</exception>
    public virtual Task<Invitation> ResendInvitationAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.ResendInvitation", (subscriptionId, cancellationToken), static (client, s) => client.ResendInvitationCoreAsync(s.subscriptionId, s.cancellationToken));

    private async Task<Invitation> ResendInvitationCoreAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        var (subscription, fromEmulator) = await ReadSubscriptionAsync(id, cancellationToken).ConfigureAwait(false);
        if (!fromEmulator)
        {
            throw CloudApiErrors.NotSupported(
                id,
                $"The Exclaimer Cloud API has no call to send an invitation again, so nothing was sent for subscription '{id}' (R6). "
                + "The welcome email goes out once, when a subscription is created with customer access; to reach the customer again, "
                + $"resend it from the Exclaimer portal ({_settings.PortalUri}) or ask Exclaimer support.");
        }

        if (subscription.IsArchived)
        {
            throw RuleErrors.NotWhileArchived(subscription, "sent an invitation");
        }

        if (subscription.AllowCustomerEditing != true)
        {
            throw RuleErrors.NoCustomerAccess(id);
        }

        if (subscription.InvitationStatus == InvitationStatus.Accepted)
        {
            throw RuleErrors.InvitationAccepted(id);
        }

        var request = CloudApiRequest.Post(CloudApiRoutes.EmulatorInvitation(id), id);
        var reply = await _connection.SendAsync(request, CloudApiJsonContext.Default.InvitationResponse, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess && (reply.Value as InvitationResponse)?.Invitation is { } invitation)
        {
            return invitation;
        }

        throw reply.Status switch
        {
            502 => RuleErrors.InvitationNotSent(id, reply.Details),
            _ when reply.IsSuccess => CloudApiErrors.InvalidResponse(request, reply.Status, "its body has no Invitation", null, null, reply.RequestId),
            _ => CloudApiErrors.FromReply(reply, request),
        };
    }

    private static string NewSubscriptionId() => Guid.NewGuid().ToString("N");

    /// <summary>The client's checker, or one asking the call's own name servers with the client's timeouts.</summary>
    private SpfChecker SpfCheckerFor(SpfRecordOptions options)
    {
        if (options.NameServers.Count == 0)
        {
            return _spf;
        }

        return options.NameServers.Contains(null!)
            ? throw ResellerValidationException.Invalid("NameServers", "R14", "remove the null entry")
            : new SpfChecker(_settings.Dns.Copy(options.NameServers));
    }

    private static AddSubscriptionEndUser? EndUserFor(ValidatedCreate validated)
    {
        if (validated.Domain is null && validated.ContactName is null && validated.ContactEmail is null)
        {
            // Only when the server takes a subscription without a customer (the embedded emulator).
            return null;
        }

        // The contact is the customer's (the end user's), so it goes with or without customer access; without it the
        // welcome email is off (SendWelcomeEmailToCustomer false) and the customer gets no login and no email (R4).
        var endUser = new AddSubscriptionEndUser { Domain = validated.Domain, EmailAddress = validated.ContactEmail };
        if (validated.ContactName is { } contactName)
        {
            var space = contactName.IndexOf(' ');
            endUser.FirstName = space < 0 ? contactName : contactName.Substring(0, space);
            endUser.LastName = space < 0 ? null : contactName.Substring(space + 1).Trim();
        }

        return endUser;
    }

    private static bool IsWhatWasAsked(Subscription existing, ValidatedCreate validated, string sku) =>
        string.Equals(existing.CustomerName, validated.CustomerName, StringComparison.Ordinal)
        && string.Equals(existing.Sku, sku, StringComparison.OrdinalIgnoreCase)
        && existing.UserCount == validated.UserCount;

    /// <summary>What the server is known to hold right after a create, for when it cannot be read back.</summary>
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
            Currency = validated.Currency,
        };

    /// <summary>Adds what the call itself sent and a server that does not report them left out (domain, country, contact).</summary>
    private static Subscription WithRequestDetails(Subscription subscription, ValidatedCreate validated) =>
        subscription with
        {
            Domain = subscription.Domain ?? validated.Domain,
            CountryCode = subscription.CountryCode ?? validated.CountryCode,
            DataCenter = subscription.DataCenter ?? validated.DataCenter,
            AllowCustomerEditing = subscription.AllowCustomerEditing ?? validated.AllowCustomerEditing,
            ContactName = subscription.ContactName ?? validated.ContactName,
            ContactEmail = subscription.ContactEmail ?? validated.ContactEmail,
        };

    private async Task<Page<Subscription>> SubscriptionPageAsync(SubscriptionFilter filter, bool activeOnly, string paging, int pageSize, CancellationToken cancellationToken)
    {
        var query = paging + filter.ServerQuery(activeOnly);
        var request = CloudApiRequest.Get(CloudApiRoutes.Subscriptions, query);
        var reply = await _connection.SendAsync(request, CloudApiJsonContext.Default.SubscriptionsResponse, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
        {
            throw CloudApiErrors.FromReply(reply, request);
        }

        if (filter.NeedsEmulatorField is { } field && !reply.FromEmulator)
        {
            // Matching nothing would pretend no subscription is there; say the server cannot answer it instead.
            throw new ResellerException(
                0,
                ResellerErrorCodes.NotSupportedByCloudApi,
                $"The Exclaimer Cloud API does not report a subscription's {field}, so subscriptions cannot be filtered by it; nothing was returned. "
                + "Filter by customer name, status, product or trial, or keep your own record of each customer's " + (field == "Domain" ? "domain." : "data centre."),
                null,
                null,
                reply.RequestId);
        }

        var response = (SubscriptionsResponse)reply.Value!;
        var items = CloudApiPaging.Items(request, response.Subscriptions, pageSize, static item => !string.IsNullOrEmpty(item.SubscriptionId), "SubscriptionID");
        var matches = new List<Subscription>(items.Count);
        foreach (var item in items)
        {
            var subscription = item.ToSubscription();
            if (filter.Matches(subscription))
            {
                matches.Add(subscription);
            }
        }

        return Page<Subscription>.FromServer(matches, CloudApiPaging.Next(response.ContinuationToken), items.Count, response.SubscriptionCount, response.Page, response.PageSize);
    }

    private async Task SetUserCountAsync(string subscriptionId, int count, CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Json(
            HttpMethod.Put,
            CloudApiRoutes.MailboxCount(subscriptionId),
            new UpdateMailboxCountRequest { MailboxCount = count },
            CloudApiJsonContext.Default.UpdateMailboxCountRequest,
            subscriptionId);
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (!reply.IsSuccess)
        {
            throw await RefusalAsync(reply, request, subscriptionId, "changed", cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RollBackUserCountAsync(string subscriptionId, int userCount)
    {
        try
        {
            // Not the caller's token: the rollback must run even when the caller gave up.
            await SetUserCountAsync(subscriptionId, userCount, CancellationToken.None).ConfigureAwait(false);
            ClientLog.UpdateRolledBack(_log, subscriptionId, userCount);
        }
        catch (ResellerException ex)
        {
            ClientLog.UpdateRollbackFailed(_log, subscriptionId, userCount, ex.ErrorCode);
        }
    }

    /// <summary>A state change read back: <see cref="ChangeStateAsync(string, CloudApiRequest, string, Func{Subscription, bool}, bool, CancellationToken, Func{Subscription, CallDetails, ResellerException?}?, bool)"/> with <c>readBack</c>.</summary>
    private async Task<Subscription> ChangeStateAsync(
        string subscriptionId,
        CloudApiRequest request,
        string action,
        Func<Subscription, bool> reached,
        CancellationToken cancellationToken,
        Func<Subscription, CallDetails, ResellerException?>? explain = null,
        bool archivedExplains = true) =>
        (await ChangeStateAsync(subscriptionId, request, action, reached, readBack: true, cancellationToken, explain, archivedExplains).ConfigureAwait(false))!;

    /// <summary>
    /// Sends a state change the server answers with 204 and reads the result back. A refusal (400, 409) is taken for
    /// success only when the subscription already is where the caller wanted it: a repeat is safe, a real refusal is not
    /// hidden; <paramref name="explain"/> (or the archive rule) says why the state refuses it.
    /// </summary>
    private async Task<Subscription?> ChangeStateAsync(
        string subscriptionId,
        CloudApiRequest request,
        string action,
        Func<Subscription, bool> reached,
        bool readBack,
        CancellationToken cancellationToken,
        Func<Subscription, CallDetails, ResellerException?>? explain = null,
        bool archivedExplains = true)
    {
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            ClientLog.Changed(_log, subscriptionId, action);
            return readBack ? await ReadBackAsync(subscriptionId, action, null, cancellationToken).ConfigureAwait(false) : null;
        }

        // 403 too: the contract answers it for a change that "would leave the resource broken" (openapi.json).
        if (reply.Status is 400 or 403 or 409 && await FindSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is { } current)
        {
            if (reached(current))
            {
                return current;
            }

            if (explain?.Invoke(current, reply.Details) is { } reason)
            {
                throw reason;
            }

            if (archivedExplains && current.IsArchived)
            {
                throw RuleErrors.NotWhileArchived(current, action, reply.Details);
            }
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
            ClientLog.ReadBackFailed(_log, subscriptionId, action, ex.ErrorCode);
            return fallback();
        }
    }
}
