using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>
/// R22: the partner's directory over the emulator. Customers (end users) and resellers are added or updated by their
/// id; a migration assigns, moves or removes them; the customers a create makes stay listed with their counts.
/// </summary>
public sealed class R22_DirectoryTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public R22_DirectoryTests() => _engine.CreateAsync(TestEngine.NewM365("contoso", "Contoso Ltd", 25)).GetAwaiter().GetResult();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R22_customers_a_create_made_and_customers_added_are_listed_in_the_order_they_came_with_their_counts()
    {
        _engine.Clock.Advance(TimeSpan.FromMinutes(1));
        await _engine.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = "Brown", CompanyName = "Cloud Solutions Ltd", CountryCode = "GB" });
        _engine.Clock.Advance(TimeSpan.FromMinutes(1));
        await _engine.CreateAsync(TestEngine.NewM365("fabrikam", "Fabrikam BV", 10));

        var customers = await _engine.Client.GetCustomersAsync().ToListAsync();

        Assert.Equal(new[] { "contoso-ltd.example", "Brown", "fabrikam-bv.example" }, customers.Select(c => c.CustomerId));
        Assert.Equal(new Customer { CustomerId = "Brown", CompanyName = "Cloud Solutions Ltd", CountryCode = "GBR", SubscriptionCount = 0, UserCount = 0 }, customers[1]);
        Assert.Equal((1, 25), (customers[0].SubscriptionCount!.Value, customers[0].UserCount!.Value));
    }

    [Fact]
    public async Task R22_setting_a_customer_again_updates_it_in_place()
    {
        await _engine.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = "Brown", CompanyName = "Cloud Solutions Ltd", CountryCode = "GB" });
        await _engine.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = "BROWN", CompanyName = "Cloud Solutions Group", CountryCode = "NL" });

        var customers = await _engine.Client.GetCustomersAsync().ToListAsync();

        Assert.Equal(2, customers.Count);
        Assert.Equal(("Brown", "Cloud Solutions Group", "NLD"), (customers[1].CustomerId, customers[1].CompanyName, customers[1].CountryCode!));
    }

    [Fact]
    public async Task R22_a_customer_a_create_made_keeps_its_place_when_set_and_counts_its_subscriptions()
    {
        await _engine.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = "contoso-ltd.example", CompanyName = "Contoso Group", CountryCode = "GB" });

        var contoso = Assert.Single(await _engine.Client.GetCustomersAsync().ToListAsync());

        Assert.Equal(("Contoso Group", 1, 25), (contoso.CompanyName, contoso.SubscriptionCount!.Value, contoso.UserCount!.Value));
    }

    [Fact]
    public async Task R22_resellers_are_added_updated_and_listed_a_page_at_a_time()
    {
        for (var i = 0; i < 12; i++)
        {
            await _engine.Client.SetResellerAsync(new SetResellerOptions { ResellerId = $"R-{i:00}", CompanyName = $"Reseller {i}", CountryCode = "DE" });
        }

        await _engine.Client.SetResellerAsync(new SetResellerOptions { ResellerId = "R-03", CompanyName = "Renamed", CountryCode = "DE" });

        var pages = await _engine.Client.GetResellersAsync().AsPages().ToListAsync();
        Assert.Equal(new[] { 10, 2 }, pages.Select(p => p.Values.Count));
        var all = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"R-{i:00}"), all.Select(r => r.ResellerId));
        Assert.Equal(new ResellerCompany { ResellerId = "R-03", CompanyName = "Renamed", CountryCode = "DEU" }, all[3]);
    }

    [Fact]
    public async Task R22_a_migration_assigns_moves_and_removes_the_reseller_and_customer()
    {
        await _engine.Client.SetResellerAsync(new SetResellerOptions { ResellerId = "Jacobi Holdings", CompanyName = "Jacobi Holdings", CountryCode = "GB" });
        await _engine.Client.SetCustomerAsync(new SetCustomerOptions { CustomerId = "Jean Jones", CompanyName = "Jean Jones Ltd", CountryCode = "GB" });

        var both = await _engine.Client.MigrateSubscriptionAsync("contoso", new MigrateSubscriptionOptions { ResellerId = "jacobi holdings", CustomerId = "Jean Jones" });
        var resellerOnly = await _engine.Client.MigrateSubscriptionAsync("contoso", new MigrateSubscriptionOptions { ResellerId = string.Empty });

        Assert.Equal(("Jacobi Holdings", "Jean Jones"), (both.ResellerId!, both.CustomerId!));
        Assert.Equal(("Jean Jones", (string?)null), (resellerOnly.CustomerId!, resellerOnly.ResellerId));

        // The customer the create made stays listed, now with no subscription; Jean Jones has it.
        var customers = await _engine.Client.GetCustomersAsync().ToListAsync();
        Assert.Equal(0, customers.Single(c => c.CustomerId == "contoso-ltd.example").SubscriptionCount);
        Assert.Equal(1, customers.Single(c => c.CustomerId == "Jean Jones").SubscriptionCount);
    }

    [Fact]
    public async Task R2_R22_subscriptions_filter_by_their_reseller()
    {
        await _engine.CreateAsync(TestEngine.NewM365("fabrikam", "Fabrikam BV"));
        await _engine.Client.SetResellerAsync(new SetResellerOptions { ResellerId = "R-1", CompanyName = "One", CountryCode = "GB" });
        await _engine.Client.MigrateSubscriptionAsync("fabrikam", new MigrateSubscriptionOptions { ResellerId = "R-1" });

        var sold = await _engine.Client.GetSubscriptionsAsync(new SubscriptionQuery { ResellerId = "r-1" }).ToListAsync();

        Assert.Equal("fabrikam", Assert.Single(sold).SubscriptionId);
    }

    [Fact]
    public async Task R22_a_migration_to_a_reseller_or_customer_that_does_not_exist_changes_nothing()
    {
        var reseller = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _engine.Client.MigrateSubscriptionAsync("contoso", new MigrateSubscriptionOptions { ResellerId = "R-404" }));
        var customer = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _engine.Client.MigrateSubscriptionAsync("contoso", new MigrateSubscriptionOptions { CustomerId = "C-404" }));
        var subscription = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _engine.Client.MigrateSubscriptionAsync("nope", new MigrateSubscriptionOptions { CustomerId = "C-404" }));

        Assert.Equal(ResellerErrorCodes.ResellerNotFound, reseller.ErrorCode);
        Assert.Equal(ResellerErrorCodes.CustomerNotFound, customer.ErrorCode);
        Assert.Equal(ResellerErrorCodes.SubscriptionNotFound, subscription.ErrorCode);
        Assert.Equal("contoso-ltd.example", (await _engine.Client.GetSubscriptionAsync("contoso")).CustomerId);
    }

    [Fact]
    public async Task R10_every_user_across_subscriptions_is_listed_once_with_each_subscription_and_role()
    {
        await _engine.CreateAsync(TestEngine.NewM365("fabrikam", "Fabrikam BV"));
        await _engine.Client.AddSubscriptionUserAsync("contoso", "joan@example.com", new[] { SubscriptionRole.Editor });
        await _engine.Client.AddSubscriptionUserAsync("fabrikam", "JOAN@example.com");

        var users = await _engine.Client.GetAllSubscriptionUsersAsync().ToListAsync();

        Assert.Equal(new[] { "admin@reseller.example", "joan@example.com" }, users.Select(u => u.EmailAddress));
        var joan = users[1];
        Assert.Equal(new[] { "contoso", "fabrikam" }, joan.Subscriptions.Select(s => s.SubscriptionId));
        Assert.Equal(new[] { SubscriptionRole.Editor }, joan.Subscriptions[0].Roles);
        Assert.Equal(new[] { SubscriptionRole.Admin }, joan.Subscriptions[1].Roles);
        Assert.Equal(2, users[0].Subscriptions.Count);
    }
}
