using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.LocalEngine;
using Exclaimer.Reseller.Sdk.LocalEngine.Invitations;
using Exclaimer.Reseller.Sdk.Storage;
using Exclaimer.Reseller.Sdk.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Exclaimer.Reseller.Sdk.Tests.Support;

/// <summary>A client over the local engine with an in-memory store, a fake clock and captured invitations and logs.</summary>
internal sealed class TestEngine : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    public TestEngine(ResellerStore? store = null, InvitationSender? sender = null, string? resellerAdminEmail = "admin@reseller.example")
    {
        Store = store ?? new InMemoryResellerStore();
        Invitations = sender as InMemoryInvitationSender ?? new InMemoryInvitationSender();
        Transport = new LocalTransport(new LocalEngineOptions
        {
            Store = Store,
            InvitationSender = sender ?? Invitations,
            TimeProvider = Clock,
            LoggerFactory = Logs,
            ResellerAdminEmail = resellerAdminEmail,
        });
        Client = new ResellerClient(new ResellerClientOptions { Transport = Transport, PageSize = 10 });
    }

    public FakeTimeProvider Clock { get; } = new(Now);

    public CapturingLoggerFactory Logs { get; } = new();

    public ResellerStore Store { get; }

    public InMemoryInvitationSender Invitations { get; }

    public LocalTransport Transport { get; }

    public ResellerClient Client { get; }

    public static CreateSubscriptionOptions NewM365(string id, string customer = "Contoso Ltd", int users = 25) =>
        new() { Product = Product.Microsoft365, CustomerName = customer, UserCount = users, SubscriptionId = id };

    public static CreateSubscriptionOptions NewWithAccess(string id, string customer = "Fabrikam BV") =>
        new()
        {
            Product = Product.GoogleWorkspace,
            CustomerName = customer,
            UserCount = 10,
            SubscriptionId = id,
            AllowCustomerEditing = true,
            ContactName = "Anna de Vries",
            ContactEmail = "anna@fabrikam.example",
        };

    public Task<Subscription> CreateAsync(CreateSubscriptionOptions options) => Client.CreateSubscriptionAsync(options);

    public void Dispose()
    {
        Client.Dispose();
        Transport.Dispose();
        Store.Dispose();
    }
}
