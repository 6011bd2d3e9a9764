using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

public sealed class R03_R09_CreateTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R3_creates_with_product_customer_and_user_count_and_defaults_tier_Standard()
    {
        var created = await _engine.CreateAsync(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "  Contoso Ltd ",
            UserCount = 25,
            Domain = "contoso.example",
        });

        Assert.Equal("Contoso Ltd", created.CustomerName);
        Assert.Equal(25, created.UserCount);
        Assert.Equal(Product.Microsoft365, created.Product);
        Assert.Equal(Tier.Standard, created.Tier);
        Assert.Equal("EXCL-M-STAND", created.Sku);
        Assert.Equal(SubscriptionStatus.Active, created.Status);
        Assert.Equal(created, await _engine.Client.GetSubscriptionAsync(created.SubscriptionId));
    }

    [Theory]
    [InlineData(Product.GoogleWorkspace, Tier.Pro, "EXCL-G-PRO")]
    [InlineData(Product.Microsoft365, Tier.Starter, "EXCL-M-START")]
    public async Task R3_the_SKU_carries_product_and_tier(Product product, Tier tier, string sku)
    {
        var created = await _engine.CreateAsync(new CreateSubscriptionOptions { Product = product, Tier = tier, CustomerName = "Contoso", UserCount = 5, Domain = "contoso.example" });

        Assert.Equal(sku, created.Sku);
        Assert.Equal(product, created.Product);
        Assert.Equal(tier, created.Tier);
    }

    [Theory]
    [InlineData("NL", DataCenter.EU)]
    [InlineData("gb", DataCenter.UK)]
    [InlineData("USA", DataCenter.US)]
    [InlineData("AU", DataCenter.AUS)]
    [InlineData("CA", DataCenter.CAN)]
    [InlineData("DE", DataCenter.DE)]
    [InlineData("AE", DataCenter.IND)]
    [InlineData("BR", DataCenter.US)]
    public async Task R3_the_data_centre_defaults_from_the_customer_country(string country, DataCenter expected)
    {
        var options = TestEngine.NewM365("dc-" + country);
        options.CountryCode = country;

        var created = await _engine.CreateAsync(options);

        Assert.Equal(expected, created.DataCenter);
        Assert.Equal(country.ToUpperInvariant(), created.CountryCode);
    }

    [Fact]
    public async Task R3_an_explicit_data_centre_wins_and_no_country_uses_the_default_country()
    {
        var explicitOne = TestEngine.NewM365("explicit");
        explicitOne.CountryCode = "NL";
        explicitOne.DataCenter = DataCenter.US;
        var defaulted = TestEngine.NewM365("defaulted");

        Assert.Equal(DataCenter.US, (await _engine.CreateAsync(explicitOne)).DataCenter);
        var fromDefault = await _engine.CreateAsync(defaulted);
        Assert.Equal(DataCenter.UK, fromDefault.DataCenter);
        Assert.Equal("GB", fromDefault.CountryCode);
    }

    [Theory]
    [InlineData(nameof(CreateSubscriptionOptions.Product))]
    [InlineData(nameof(CreateSubscriptionOptions.CustomerName))]
    [InlineData(nameof(CreateSubscriptionOptions.UserCount))]
    [InlineData(nameof(CreateSubscriptionOptions.CountryCode))]
    [InlineData(nameof(CreateSubscriptionOptions.Domain))]
    [InlineData(nameof(CreateSubscriptionOptions.DataCenter))]
    [InlineData(nameof(CreateSubscriptionOptions.Tier))]
    public async Task R3_R17_bad_input_names_the_field_and_creates_nothing(string field)
    {
        var options = TestEngine.NewM365("bad-input");
        switch (field)
        {
            case nameof(CreateSubscriptionOptions.Product): options.Product = Product.Unknown; break;
            case nameof(CreateSubscriptionOptions.CustomerName): options.CustomerName = "   "; break;
            case nameof(CreateSubscriptionOptions.UserCount): options.UserCount = 0; break;
            case nameof(CreateSubscriptionOptions.CountryCode): options.CountryCode = "Netherlands"; break;
            case nameof(CreateSubscriptionOptions.Domain): options.Domain = "not a domain"; break;
            case nameof(CreateSubscriptionOptions.DataCenter): options.DataCenter = DataCenter.Unknown; break;
            case nameof(CreateSubscriptionOptions.Tier): options.Tier = Tier.Unknown; break;
        }

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(options));

        Assert.Equal(field, error.FieldName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Equal(400, error.Status);
        Assert.Empty(await _engine.Client.GetSubscriptionsAsync().ToListAsync());
    }

    [Fact]
    public async Task R3_a_customer_name_over_100_characters_is_refused()
    {
        var options = TestEngine.NewM365("long-name", customer: new string('x', 101));

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(options));

        Assert.Equal("CustomerName", error.FieldName);
        Assert.Contains("100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task R9_the_callers_id_is_kept()
    {
        var created = await _engine.CreateAsync(TestEngine.NewM365("contoso-m365"));

        Assert.Equal("contoso-m365", created.SubscriptionId);
    }

    [Fact]
    public async Task R9_without_an_id_one_is_generated_and_ids_are_unique()
    {
        var first = await _engine.CreateAsync(new CreateSubscriptionOptions { Product = Product.Microsoft365, CustomerName = "A", UserCount = 1, Domain = "a.example" });
        var second = await _engine.CreateAsync(new CreateSubscriptionOptions { Product = Product.Microsoft365, CustomerName = "A", UserCount = 1, Domain = "a.example" });

        Assert.False(string.IsNullOrEmpty(first.SubscriptionId));
        Assert.True(first.SubscriptionId.Length <= 50);
        Assert.NotEqual(first.SubscriptionId, second.SubscriptionId);
    }

    [Fact]
    public async Task R9_creating_with_an_existing_id_is_a_conflict_and_never_a_second_subscription()
    {
        var original = await _engine.CreateAsync(TestEngine.NewM365("runbook-1", customer: "Original"));

        var error = await Assert.ThrowsAsync<ResellerConflictException>(() => _engine.CreateAsync(TestEngine.NewM365("RUNBOOK-1", customer: "Rerun")));

        Assert.Equal("SubscriptionAlreadyExists", error.ErrorCode);
        Assert.Equal(409, error.Status);
        Assert.Equal("runbook-1", error.Target);
        var all = await _engine.Client.GetSubscriptionsAsync().ToListAsync();
        Assert.Equal(original, Assert.Single(all));
    }

    [Theory]
    [InlineData("an id with spaces")]
    [InlineData("id/with/slashes")]
    [InlineData("012345678901234567890123456789012345678901234567890")]
    [InlineData("..")]
    public async Task R9_an_id_over_50_characters_or_with_unsafe_characters_is_refused(string id)
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(TestEngine.NewM365(id)));

        Assert.Equal("SubscriptionId", error.FieldName);
        Assert.Equal("R9", error.Rule);
    }

    [Fact]
    public async Task R9_fifty_characters_is_allowed()
    {
        var id = new string('a', 50);

        Assert.Equal(id, (await _engine.CreateAsync(TestEngine.NewM365(id))).SubscriptionId);
    }

    [Fact]
    public async Task R1_each_store_is_one_reseller_account_and_never_sees_another()
    {
        using var other = new TestEngine();
        await _engine.CreateAsync(TestEngine.NewM365("mine"));
        await other.CreateAsync(TestEngine.NewM365("theirs"));

        Assert.Equal(new[] { "mine" }, (await _engine.Client.GetSubscriptionsAsync().ToListAsync()).Select(s => s.SubscriptionId));
        await Assert.ThrowsAsync<ResellerNotFoundException>(() => _engine.Client.GetSubscriptionAsync("theirs"));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    public async Task R13_an_id_that_is_not_path_safe_is_refused_before_any_lookup(string id)
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.Client.GetSubscriptionAsync(id));

        Assert.Equal("SubscriptionId", error.FieldName);
    }

    [Fact]
    public void R6_a_custom_store_needs_an_invitation_sender_so_invitations_never_go_nowhere()
    {
        var error = Assert.Throws<ArgumentException>(() => new Exclaimer.Reseller.Emulator.ResellerEmulator(
            new Exclaimer.Reseller.Emulator.EmulatorOptions { Store = new CustomStore() }));

        Assert.Contains("InvitationSender", error.Message, StringComparison.Ordinal);
    }

    private sealed class CustomStore : Exclaimer.Reseller.Emulator.Storage.ResellerStore
    {
        public override Task<TResult> ReadAsync<TResult>(Func<Exclaimer.Reseller.Emulator.Storage.IResellerStoreView, TResult> read, System.Threading.CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not used");

        public override Task<TResult> WriteAsync<TResult>(Func<Exclaimer.Reseller.Emulator.Storage.IResellerStoreTransaction, TResult> write, System.Threading.CancellationToken cancellationToken) =>
            throw new InvalidOperationException("not used");
    }
}
