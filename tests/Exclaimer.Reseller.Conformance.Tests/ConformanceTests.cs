using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.Conformance.Tests;

/// <summary>
/// What a client may rely on from any server that speaks the contract: the real Exclaimer Cloud API's examples (as
/// WireMock.Net stubs), the in-process emulator and the standalone emulator answer these the same way. Each server is
/// seeded with the contract's example subscriptions (<see cref="ConformanceData"/>).
/// </summary>
public abstract class ConformanceTests
{
    /// <summary>A client for the server under test, with the right token; seeded already.</summary>
    protected abstract ResellerClient Client { get; }

    /// <summary>A client for the same server with a token it does not accept.</summary>
    protected abstract ResellerClient ClientWithWrongToken { get; }

    [Fact]
    public async Task R1_the_status_check_answers_with_the_server_clock()
    {
        var time = await Client.GetServerTimeAsync();

        Assert.True(time.Year >= 2025);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Fact]
    public async Task R1_a_token_the_server_does_not_accept_is_Unauthorized()
    {
        var error = await Assert.ThrowsAsync<ResellerAuthenticationException>(() => ClientWithWrongToken.GetSubscriptionAsync(ConformanceData.First.Id));

        Assert.Equal(ResellerErrorCodes.Unauthorized, error.ErrorCode);
        Assert.Equal(401, error.Status);
    }

    [Fact]
    public async Task R2_the_overview_lists_the_seeded_subscriptions_with_customer_users_and_status()
    {
        var all = await Client.GetSubscriptionsAsync().ToListAsync();

        foreach (var seeded in ConformanceData.Subscriptions)
        {
            var listed = Assert.Single(all, s => s.SubscriptionId == seeded.Id);
            Assert.Equal(seeded.Name, listed.CustomerName);
            Assert.Equal(seeded.Users, listed.UserCount);
            Assert.Equal(SubscriptionStatus.Active, listed.Status);
            Assert.Equal(Product.Microsoft365, listed.Product);
        }
    }

    [Fact]
    public async Task R13_one_subscription_has_the_details_the_overview_shows()
    {
        var listed = (await Client.GetSubscriptionsAsync().ToListAsync()).Single(s => s.SubscriptionId == ConformanceData.First.Id);

        var one = await Client.GetSubscriptionAsync(ConformanceData.First.Id);

        Assert.Equal(listed.CustomerName, one.CustomerName);
        Assert.Equal(listed.UserCount, one.UserCount);
        Assert.Equal(listed.OwnerUserId, one.OwnerUserId);
        Assert.NotNull(one.OwnerUserId);
    }

    [Fact]
    public async Task R13_an_unknown_id_is_SubscriptionNotFound()
    {
        var error = await Assert.ThrowsAsync<ResellerNotFoundException>(() => Client.GetSubscriptionAsync("No-Such-Subscription-1"));

        Assert.Equal(ResellerErrorCodes.SubscriptionNotFound, error.ErrorCode);
        Assert.Equal("No-Such-Subscription-1", error.Target);
    }

    [Fact]
    public async Task R3_R9_a_created_subscription_reads_back_with_what_was_asked()
    {
        var created = await Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            SubscriptionId = ConformanceData.Created.Id,
            Product = Product.Microsoft365,
            CustomerName = ConformanceData.Created.Name,
            UserCount = ConformanceData.Created.Users,
            Domain = "conformance.example",
        });
        var read = await Client.GetSubscriptionAsync(ConformanceData.Created.Id);

        Assert.Equal(ConformanceData.Created.Id, created.SubscriptionId);
        Assert.Equal(ConformanceData.Created.Name, read.CustomerName);
        Assert.Equal(ConformanceData.Created.Users, read.UserCount);
        Assert.Equal(SubscriptionStatus.Active, read.Status);
    }

    [Fact]
    public async Task R10_the_users_of_a_subscription_list_with_roles_and_the_owner_marked()
    {
        var users = await Client.GetSubscriptionUsersAsync(ConformanceData.First.Id).ToListAsync();

        Assert.NotEmpty(users);
        Assert.All(users, user => Assert.NotEmpty(user.Roles));
        var owner = Assert.Single(users, user => user.IsOwner);
        Assert.Contains(SubscriptionRole.Admin, owner.Roles);
    }

    [Fact]
    public async Task R2_the_customers_list_with_ids_and_names()
    {
        var customers = await Client.GetCustomersAsync().ToListAsync();

        Assert.NotEmpty(customers);
        Assert.All(customers, customer =>
        {
            Assert.False(string.IsNullOrEmpty(customer.CustomerId));
            Assert.False(string.IsNullOrEmpty(customer.CompanyName));
        });
    }

    [Fact]
    public async Task R3_the_reference_data_names_the_data_centres_SKUs_and_tiers()
    {
        var dataCenters = await Client.GetDataCentersAsync();
        var skus = await Client.GetSkusAsync();
        var tiers = await Client.GetTiersAsync();

        Assert.Contains(dataCenters, dc => dc.Microsoft365Code == "EU" && dc.GoogleWorkspaceCode == "EU");
        Assert.Contains(skus, sku => sku.Code == "EXCL-M-STAND" && sku.Product == Product.Microsoft365 && sku.Tier == Tier.Standard);
        Assert.Contains(skus, sku => sku.Code == "EXCL-G-PRO" && sku.Product == Product.GoogleWorkspace);
        Assert.Equal(new[] { Tier.Starter, Tier.Standard, Tier.Pro }, tiers.Select(t => t.Tier));
    }

    [Fact]
    public async Task R13_the_mailbox_count_reads_as_two_counts()
    {
        var count = await Client.GetMailboxCountAsync(ConformanceData.First.Id);

        Assert.True(count.ServerSide >= 0);
        Assert.True(count.ClientSide >= 0);
    }
}
