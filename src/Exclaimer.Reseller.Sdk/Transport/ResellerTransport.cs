using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.LocalEngine;

namespace Exclaimer.Reseller.Sdk.Transport;

/// <summary>
/// How a <see cref="ResellerClient"/> call reaches the rules: in-process to the local engine
/// (<see cref="LocalEngine.LocalTransport"/>) or over HTTP to the Exclaimer Cloud API. The client checks arguments and
/// turns pages into streams; the transport carries one call and returns its result. Implement it to reach
/// another backend; every member is called with arguments the client has already checked for null.
/// </summary>
public abstract class ResellerTransport : IDisposable
{
    /// <summary>One page of current (not archived) subscriptions matching <paramref name="query"/> (R2).</summary>
    public abstract Task<Page<Subscription>> GetSubscriptionsPageAsync(SubscriptionQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>One page of archived subscriptions matching <paramref name="query"/> (R16).</summary>
    public abstract Task<Page<Subscription>> GetArchivedSubscriptionsPageAsync(ArchiveQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>One subscription with all its details (R13).</summary>
    public abstract Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Creates a subscription (R3-R9).</summary>
    public abstract Task<Subscription> CreateSubscriptionAsync(CreateSubscriptionOptions options, CancellationToken cancellationToken);

    /// <summary>
    /// The input rules a create checks before it writes or sends anything (R3-R9, R17), for
    /// <see cref="ResellerClient.ValidateCreateSubscription"/>. A transport whose backend needs more than the
    /// rulebook (the Cloud API) adds its own checks, so the check gives the answer the create would.
    /// </summary>
    internal virtual void ValidateCreateSubscription(CreateSubscriptionOptions options) =>
        // The default country only fills in a default; it never makes an input valid or invalid.
        SubscriptionRules.ValidateCreate(options, "GB");

    /// <summary>Starts a subscription (R11, R12).</summary>
    public abstract Task<SubscriptionStart> StartSubscriptionAsync(string subscriptionId, DeploymentOptions deployment, CancellationToken cancellationToken);

    /// <summary>Changes the user count or customer name (R13).</summary>
    public abstract Task<Subscription> UpdateSubscriptionAsync(string subscriptionId, UpdateSubscriptionOptions options, CancellationToken cancellationToken);

    /// <summary>Turns a trial into a full subscription (R7).</summary>
    public abstract Task<Subscription> ActivateFullSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Suspends a subscription (R13).</summary>
    public abstract Task<Subscription> SuspendSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Reactivates a suspended or archived subscription (R13, R16).</summary>
    public abstract Task<Subscription> ReactivateSubscriptionAsync(string subscriptionId, bool restartTrial, CancellationToken cancellationToken);

    /// <summary>Cancels a subscription and moves it to the archive (R15).</summary>
    public abstract Task<Subscription> CancelSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <summary>Proposes the SPF record for one of the subscription's domains (R14).</summary>
    public abstract Task<SpfRecordUpdate> UpdateSpfRecordAsync(string subscriptionId, SpfRecordOptions options, CancellationToken cancellationToken);

    /// <summary>One page of a subscription's users (R10).</summary>
    public abstract Task<Page<SubscriptionUser>> GetSubscriptionUsersPageAsync(string subscriptionId, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>Adds a user with roles (R10).</summary>
    public abstract Task<SubscriptionUser> AddSubscriptionUserAsync(string subscriptionId, string emailAddress, IReadOnlyList<SubscriptionRole> roles, CancellationToken cancellationToken);

    /// <summary>Replaces a user's roles (R10).</summary>
    public abstract Task<SubscriptionUser> SetSubscriptionUserRolesAsync(string subscriptionId, string emailAddress, IReadOnlyList<SubscriptionRole> roles, CancellationToken cancellationToken);

    /// <summary>Removes a user (R10).</summary>
    public abstract Task RemoveSubscriptionUserAsync(string subscriptionId, string emailAddress, CancellationToken cancellationToken);

    /// <summary>One page of customers.</summary>
    public abstract Task<Page<Customer>> GetCustomersPageAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>Sends the customer's invitation again (R6).</summary>
    public abstract Task<Invitation> ResendInvitationAsync(string subscriptionId, CancellationToken cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what the transport holds (files, HTTP connections).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
