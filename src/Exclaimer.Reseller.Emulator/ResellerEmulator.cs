using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.LocalEngine.Invitations;
using Exclaimer.Reseller.Sdk.Storage;
using Exclaimer.Reseller.Sdk.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exclaimer.Reseller.Sdk.LocalEngine;

/// <summary>
/// Carries calls in-process to the local engine, which applies every rule (R1-R18) over a pluggable
/// <see cref="ResellerStore"/>. No server and no token: the embedded default.
/// </summary>
public sealed class LocalTransport : ResellerTransport
{
    private readonly ResellerEngine _engine;
    private readonly ResellerStore? _ownedStore;

    /// <summary>Creates the transport. With default options: the JSON file store in its default folder and an outbox beside it.</summary>
    public LocalTransport(LocalEngineOptions? options = null)
    {
        options ??= new LocalEngineOptions();
        var store = options.Store;
        if (store is null)
        {
            store = new JsonFileResellerStore();
            _ownedStore = store;
        }

        var sender = options.InvitationSender ?? store switch
        {
            JsonFileResellerStore files => new OutboxInvitationSender(Path.Combine(files.DirectoryPath, "outbox")),
            InMemoryResellerStore => new InMemoryInvitationSender(),

            // Another store is a real deployment: invitations must not silently go nowhere (R6).
            _ => throw new ArgumentException("LocalEngineOptions.InvitationSender is required with a store other than the built-in ones: say how invitations are delivered.", nameof(options)),
        };
        var log = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Exclaimer.Reseller.Sdk.LocalEngine");
        _engine = new ResellerEngine(store, sender, options, log);
        Store = store;
        InvitationSender = sender;
    }

    /// <summary>The store the engine uses.</summary>
    public ResellerStore Store { get; }

    /// <summary>Where the engine's invitations go.</summary>
    public InvitationSender InvitationSender { get; }

    /// <inheritdoc />
    public override Task<Page<Subscription>> GetSubscriptionsPageAsync(SubscriptionQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        _engine.GetSubscriptionsPageAsync(query, continuationToken, pageSize, cancellationToken);

    /// <inheritdoc />
    public override Task<Page<Subscription>> GetArchivedSubscriptionsPageAsync(ArchiveQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        _engine.GetArchivedSubscriptionsPageAsync(query, continuationToken, pageSize, cancellationToken);

    /// <inheritdoc />
    public override Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        _engine.GetSubscriptionAsync(subscriptionId, cancellationToken);

    /// <inheritdoc />
    public override Task<Subscription> CreateSubscriptionAsync(CreateSubscriptionOptions options, CancellationToken cancellationToken) =>
        _engine.CreateSubscriptionAsync(options, cancellationToken);

    /// <inheritdoc />
    public override Task<SubscriptionStart> StartSubscriptionAsync(string subscriptionId, DeploymentOptions deployment, CancellationToken cancellationToken) =>
        _engine.StartSubscriptionAsync(subscriptionId, deployment, cancellationToken);

    /// <inheritdoc />
    public override Task<Subscription> UpdateSubscriptionAsync(string subscriptionId, UpdateSubscriptionOptions options, CancellationToken cancellationToken) =>
        _engine.UpdateSubscriptionAsync(subscriptionId, options, cancellationToken);

    /// <inheritdoc />
    public override Task<Subscription> ActivateFullSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        _engine.ActivateFullSubscriptionAsync(subscriptionId, cancellationToken);

    /// <inheritdoc />
    public override Task<Subscription> SuspendSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        _engine.SuspendSubscriptionAsync(subscriptionId, cancellationToken);

    /// <inheritdoc />
    public override Task<Subscription> ReactivateSubscriptionAsync(string subscriptionId, bool restartTrial, CancellationToken cancellationToken) =>
        _engine.ReactivateSubscriptionAsync(subscriptionId, restartTrial, cancellationToken);

    /// <inheritdoc />
    public override Task<Subscription> CancelSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        _engine.CancelSubscriptionAsync(subscriptionId, cancellationToken);

    /// <inheritdoc />
    public override Task<SpfRecordUpdate> UpdateSpfRecordAsync(string subscriptionId, SpfRecordOptions options, CancellationToken cancellationToken) =>
        _engine.UpdateSpfRecordAsync(subscriptionId, options, cancellationToken);

    /// <inheritdoc />
    public override Task<Page<SubscriptionUser>> GetSubscriptionUsersPageAsync(string subscriptionId, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        _engine.GetSubscriptionUsersPageAsync(subscriptionId, continuationToken, pageSize, cancellationToken);

    /// <inheritdoc />
    public override Task<SubscriptionUser> AddSubscriptionUserAsync(string subscriptionId, string emailAddress, IReadOnlyList<SubscriptionRole> roles, CancellationToken cancellationToken) =>
        _engine.AddSubscriptionUserAsync(subscriptionId, emailAddress, roles, cancellationToken);

    /// <inheritdoc />
    public override Task<SubscriptionUser> SetSubscriptionUserRolesAsync(string subscriptionId, string emailAddress, IReadOnlyList<SubscriptionRole> roles, CancellationToken cancellationToken) =>
        _engine.SetSubscriptionUserRolesAsync(subscriptionId, emailAddress, roles, cancellationToken);

    /// <inheritdoc />
    public override Task RemoveSubscriptionUserAsync(string subscriptionId, string emailAddress, CancellationToken cancellationToken) =>
        _engine.RemoveSubscriptionUserAsync(subscriptionId, emailAddress, cancellationToken);

    /// <inheritdoc />
    public override Task<Page<Customer>> GetCustomersPageAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        _engine.GetCustomersPageAsync(continuationToken, pageSize, cancellationToken);

    /// <inheritdoc />
    public override Task<Invitation> ResendInvitationAsync(string subscriptionId, CancellationToken cancellationToken) =>
        _engine.ResendInvitationAsync(subscriptionId, cancellationToken);

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedStore?.Dispose();
        }

        base.Dispose(disposing);
    }
}
