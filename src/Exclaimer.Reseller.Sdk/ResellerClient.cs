using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.LocalEngine;
using Exclaimer.Reseller.Sdk.Transport;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// Manages every customer subscription of one reseller account (R1): list, create, start, manage, cancel and
/// look at the archive. Where the calls go is the <see cref="ResellerClientOptions.Transport"/>: the embedded
/// local engine by default, or the Exclaimer Cloud API. Every method is virtual so callers can mock the client.
/// </summary>
/// <example>
/// <code>
/// using var client = new ResellerClient(new ResellerClientOptions());
/// var created = await client.CreateSubscriptionAsync(new CreateSubscriptionOptions
/// {
///     Product = Product.Microsoft365,
///     CustomerName = "Contoso Ltd",
///     UserCount = 25,
///     SubscriptionId = "contoso-m365",
/// });
/// await foreach (var subscription in client.GetSubscriptionsAsync(new SubscriptionQuery { InTrial = true }))
/// {
///     Console.WriteLine($"{subscription.CustomerName}: {subscription.UserCount} users, {subscription.Status}");
/// }
/// </code>
/// </example>
public class ResellerClient : IDisposable
{

    private readonly ResellerTransport _transport;
    private readonly bool _ownsTransport;
    private readonly int _pageSize;

    /// <summary>For mocking.</summary>
    protected ResellerClient()
    {
        _transport = null!;
    }

    /// <summary>Creates a client. With default options it uses the embedded local engine and its file store.</summary>
    /// <exception cref="ResellerStoreException">The embedded default store cannot be opened.</exception>
    public ResellerClient(ResellerClientOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _pageSize = options.PageSize;
        if (options.Transport is { } transport)
        {
            _transport = transport;
        }
        else
        {
            _transport = new LocalTransport(new LocalEngineOptions { LoggerFactory = options.LoggerFactory });
            _ownsTransport = true;
        }
    }

    /// <summary>The current subscriptions (the portal's overview, R2), filtered and fetched a page at a time.</summary>
    /// <param name="query">Filters; <see langword="null"/> for every current subscription.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public virtual AsyncPageable<Subscription> GetSubscriptionsAsync(SubscriptionQuery? query = null, CancellationToken cancellationToken = default)
    {
        var filter = query ?? new SubscriptionQuery();
        return AsyncPageable<Subscription>.Create(
            (token, size, ct) => _transport.GetSubscriptionsPageAsync(filter, token, PageSizeOrDefault(size), ct),
            cancellationToken);
    }

    /// <summary>The archive: cancelled and ended subscriptions with their details (R16), filtered and paged.</summary>
    /// <param name="query">Filters; <see langword="null"/> for the whole archive.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    public virtual AsyncPageable<Subscription> GetArchivedSubscriptionsAsync(ArchiveQuery? query = null, CancellationToken cancellationToken = default)
    {
        var filter = query ?? new ArchiveQuery();
        return AsyncPageable<Subscription>.Create(
            (token, size, ct) => _transport.GetArchivedSubscriptionsPageAsync(filter, token, PageSizeOrDefault(size), ct),
            cancellationToken);
    }

    /// <summary>One subscription with all its details (R13), current or archived.</summary>
    /// <exception cref="ResellerNotFoundException">No subscription has that id.</exception>
    public virtual Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        _transport.GetSubscriptionAsync(SubscriptionRules.ExistingId(subscriptionId), cancellationToken);

    /// <summary>
    /// Creates a customer subscription (R3-R9). It starts with a 14-day trial unless
    /// <see cref="CreateSubscriptionOptions.SkipTrial"/> is set (R7); with customer access the customer gets
    /// an invitation (R6).
    /// </summary>
    /// <exception cref="ResellerValidationException">An input is missing or malformed; the message names the field. Nothing was created.</exception>
    /// <exception cref="ResellerConflictException">A subscription with that id already exists (R9). Nothing was created.</exception>
    public virtual Task<Subscription> CreateSubscriptionAsync(CreateSubscriptionOptions options, CancellationToken cancellationToken = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return _transport.CreateSubscriptionAsync(options, cancellationToken);
    }

    /// <summary>
    /// Checks a create's input without creating anything: the same input rules (R3-R9, R17), and the same
    /// <see cref="ResellerValidationException"/>, that <see cref="CreateSubscriptionAsync"/> would give before it
    /// writes or sends anything. Over the Cloud API that includes what the API needs (the customer's
    /// <see cref="CreateSubscriptionOptions.Domain"/>, and an owner for a subscription without customer access).
    /// Nothing is sent or read: whether the id is taken (R9) is for the caller to look up.
    /// </summary>
    /// <remarks>Use it to preview a change (PowerShell's <c>-WhatIf</c>) or to check a whole file before the first create.</remarks>
    /// <param name="options">The create to check.</param>
    /// <exception cref="ResellerValidationException">An input is missing or malformed; the message names the field and the rule.</exception>
    public virtual void ValidateCreateSubscription(CreateSubscriptionOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _transport.ValidateCreateSubscription(options);
    }

    /// <summary>
    /// Starts a subscription. The first time, it configures the connection with the chosen deployment: at
    /// least one of server-side, client-side and Exchange on-premises (Microsoft 365 only) (R11). When the
    /// subscription is already configured nothing is configured again and the result points at its home page (R12).
    /// </summary>
    /// <exception cref="ResellerValidationException">No deployment option on a first start, or Exchange on-premises for Google Workspace.</exception>
    public virtual Task<SubscriptionStart> StartSubscriptionAsync(string subscriptionId, DeploymentOptions deployment, CancellationToken cancellationToken = default) =>
        _transport.StartSubscriptionAsync(SubscriptionRules.ExistingId(subscriptionId), deployment, cancellationToken);

    /// <summary>
    /// Checks a start's deployment choice (R11) for a subscription of <paramref name="product"/> without starting
    /// anything: at least one of server-side, client-side and Exchange on-premises, and Exchange on-premises only for
    /// Microsoft 365. <see cref="StartSubscriptionAsync"/> applies the same rule on a first start; a subscription
    /// that is already configured is not configured again (R12), so the rule does not apply to it.
    /// </summary>
    /// <param name="deployment">The deployment asked for.</param>
    /// <param name="product">The subscription's product.</param>
    /// <exception cref="ResellerValidationException">No deployment option, or Exchange on-premises for Google Workspace.</exception>
    public virtual void ValidateDeployment(DeploymentOptions deployment, Product product) =>
        SubscriptionRules.Deployment(deployment, product);

    /// <summary>Changes the number of users or the customer name (R13).</summary>
    public virtual Task<Subscription> UpdateSubscriptionAsync(string subscriptionId, UpdateSubscriptionOptions options, CancellationToken cancellationToken = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return _transport.UpdateSubscriptionAsync(SubscriptionRules.ExistingId(subscriptionId), options, cancellationToken);
    }

    /// <summary>
    /// Checks a change's input without changing anything: the same input rules (R13, R17), and the same
    /// <see cref="ResellerValidationException"/>, that <see cref="UpdateSubscriptionAsync"/> would give before it
    /// writes or sends anything. Whether the subscription exists, and whether its state allows the change, is not
    /// checked: nothing is read.
    /// </summary>
    /// <param name="options">The change to check.</param>
    /// <exception cref="ResellerValidationException">Nothing to change, or a new value is malformed; the message names the field.</exception>
    public virtual void ValidateUpdateSubscription(UpdateSubscriptionOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        SubscriptionRules.ValidateUpdate(options);
    }

    /// <summary>Converts a trial into a full subscription (R7; Cloud API <c>activate-full</c>).</summary>
    public virtual Task<Subscription> ActivateFullSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        _transport.ActivateFullSubscriptionAsync(SubscriptionRules.ExistingId(subscriptionId), cancellationToken);

    /// <summary>Suspends a subscription: no signatures, no editor access, mail still flows (R13; Cloud API <c>deactivate</c>).</summary>
    public virtual Task<Subscription> SuspendSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        _transport.SuspendSubscriptionAsync(SubscriptionRules.ExistingId(subscriptionId), cancellationToken);

    /// <summary>Reactivates a suspended or archived subscription (R13, R16; Cloud API <c>reactivate</c>).</summary>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="restartTrial"><see langword="true"/> to start a fresh 14-day trial; otherwise the old trial or full state is kept.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<Subscription> ReactivateSubscriptionAsync(string subscriptionId, bool restartTrial = false, CancellationToken cancellationToken = default) =>
        _transport.ReactivateSubscriptionAsync(SubscriptionRules.ExistingId(subscriptionId), restartTrial, cancellationToken);

    /// <summary>
    /// Cancels a subscription: it ends and moves to the archive; nothing is deleted (R15; Cloud API <c>end</c>).
    /// Ask the user to confirm first: the customer's signatures stop.
    /// </summary>
    public virtual Task<Subscription> CancelSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        _transport.CancelSubscriptionAsync(SubscriptionRules.ExistingId(subscriptionId), cancellationToken);

    /// <summary>
    /// Proposes the SPF record a domain needs for server-side signatures (R14): the current record with the
    /// Exclaimer include for the subscription's data centre, every other term kept, checked against RFC 7208.
    /// Nothing is published: the caller puts the proposed record in DNS.
    /// </summary>
    /// <exception cref="ResellerValidationException">The domain is not a domain name, or the change would break RFC 7208; the message gives the reason.</exception>
    public virtual Task<SpfRecordUpdate> UpdateSpfRecordAsync(string subscriptionId, SpfRecordOptions options, CancellationToken cancellationToken = default)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return _transport.UpdateSpfRecordAsync(SubscriptionRules.ExistingId(subscriptionId), options, cancellationToken);
    }

    /// <summary>The users of a subscription and their roles (R10), a page at a time.</summary>
    public virtual AsyncPageable<SubscriptionUser> GetSubscriptionUsersAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        return AsyncPageable<SubscriptionUser>.Create(
            (token, size, ct) => _transport.GetSubscriptionUsersPageAsync(id, token, PageSizeOrDefault(size), ct),
            cancellationToken);
    }

    /// <summary>Adds a user or colleague by email address (R10). Without roles the user is an Admin.</summary>
    /// <exception cref="ResellerConflictException">The user is already on the subscription.</exception>
    public virtual Task<SubscriptionUser> AddSubscriptionUserAsync(string subscriptionId, string emailAddress, IEnumerable<SubscriptionRole>? roles = null, CancellationToken cancellationToken = default) =>
        _transport.AddSubscriptionUserAsync(SubscriptionRules.ExistingId(subscriptionId), emailAddress ?? string.Empty, roles?.ToArray() ?? Array.Empty<SubscriptionRole>(), cancellationToken);

    /// <summary>Replaces a user's roles (R10). The owner always keeps Admin.</summary>
    public virtual Task<SubscriptionUser> SetSubscriptionUserRolesAsync(string subscriptionId, string emailAddress, IEnumerable<SubscriptionRole> roles, CancellationToken cancellationToken = default)
    {
        if (roles is null)
        {
            throw new ArgumentNullException(nameof(roles));
        }

        return _transport.SetSubscriptionUserRolesAsync(SubscriptionRules.ExistingId(subscriptionId), emailAddress ?? string.Empty, roles.ToArray(), cancellationToken);
    }

    /// <summary>Removes a user by email address (R10). The owner cannot be removed.</summary>
    public virtual Task RemoveSubscriptionUserAsync(string subscriptionId, string emailAddress, CancellationToken cancellationToken = default) =>
        _transport.RemoveSubscriptionUserAsync(SubscriptionRules.ExistingId(subscriptionId), emailAddress ?? string.Empty, cancellationToken);

    /// <summary>The reseller's customers, a page at a time.</summary>
    public virtual AsyncPageable<Customer> GetCustomersAsync(CancellationToken cancellationToken = default) =>
        AsyncPageable<Customer>.Create(
            (token, size, ct) => _transport.GetCustomersPageAsync(token, PageSizeOrDefault(size), ct),
            cancellationToken);

    /// <summary>Sends the customer's invitation again, when it is still pending (R6).</summary>
    public virtual Task<Invitation> ResendInvitationAsync(string subscriptionId, CancellationToken cancellationToken = default) =>
        _transport.ResendInvitationAsync(SubscriptionRules.ExistingId(subscriptionId), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the transport when the client created it.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _ownsTransport)
        {
            _transport.Dispose();
        }
    }

    private int PageSizeOrDefault(int? hint) =>
        hint is null ? _pageSize : Math.Max(1, Math.Min(hint.Value, ResellerClientOptions.MaxPageSize));
}
