using System;
using System.Text.Json;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk.Tests.Models;

/// <summary>The models read the Cloud API's vocabulary and survive what a newer server may send.</summary>
public sealed class ModelJsonTests
{
    [Fact]
    public void R13_a_Cloud_API_subscription_reads_into_the_model_by_its_API_names()
    {
        const string json = """
            {"SubscriptionID":"sub-1","Name":"Contoso Ltd","UserID":"u-1","EndUserID":"eu-1","ResellerID":"r-1",
             "StartDate":"2025-09-02T07:54:59.836885Z","NumberOfUsers":25,"Status":"Suspended","InTrial":true,
             "TrialEndDate":"2025-09-16T07:54:59Z","Tier":"ExclaimerPro","SKU":"EXCL-G-PRO","NFR":true,"Currency":"GBP",
             "NFRDetails":{"NumberOfUsers":5,"DateApplied":"2025-09-03T10:00:00Z"}}
            """;

        var subscription = JsonSerializer.Deserialize<Subscription>(json)!;

        Assert.Equal("sub-1", subscription.SubscriptionId);
        Assert.Equal("Contoso Ltd", subscription.CustomerName);
        Assert.Equal(25, subscription.UserCount);
        Assert.Equal(SubscriptionStatus.Suspended, subscription.Status);
        Assert.Equal(Tier.Pro, subscription.Tier);
        Assert.Equal(Product.GoogleWorkspace, subscription.Product);
        Assert.Equal(new DateTimeOffset(2025, 9, 16, 7, 54, 59, TimeSpan.Zero), subscription.TrialEndDate);
        Assert.Null(subscription.DataCenter);
        Assert.Null(subscription.Deployment);
        Assert.True(subscription.Nfr);
        Assert.Equal(5, subscription.NfrDetails!.NumberOfUsers);
        Assert.Equal(new DateTimeOffset(2025, 9, 3, 10, 0, 0, TimeSpan.Zero), subscription.NfrDetails.DateApplied);
    }

    [Fact]
    public void Unknown_enum_values_and_unknown_properties_do_not_break_reading()
    {
        const string json = """{"SubscriptionID":"sub-2","Status":"Migrating","Tier":"ExclaimerCloud","DataCenter":"MARS","SomethingNew":{"a":[1,2]},"Roles":["Owner"]}""";

        var subscription = JsonSerializer.Deserialize<Subscription>(json)!;
        var user = JsonSerializer.Deserialize<SubscriptionUser>("""{"Email":"a@b.example","Roles":["Admin","Approver"]}""")!;

        Assert.Equal(SubscriptionStatus.Unknown, subscription.Status);
        Assert.Equal(Tier.Unknown, subscription.Tier);
        Assert.Equal(DataCenter.Unknown, subscription.DataCenter);
        Assert.Equal(new[] { SubscriptionRole.Admin, SubscriptionRole.Unknown }, user.Roles);
    }

    [Fact]
    public void Enums_are_written_with_the_Cloud_API_spelling_and_read_back_case_insensitively()
    {
        var json = JsonSerializer.Serialize(new Subscription { Tier = Tier.Standard, Status = SubscriptionStatus.Active, DataCenter = DataCenter.IND });

        Assert.Contains("\"Tier\":\"ExclaimerStandard\"", json, StringComparison.Ordinal);
        Assert.Contains("\"DataCenter\":\"IND\"", json, StringComparison.Ordinal);
        Assert.True(WireNames.TryParse<Product>("gsuite", out var product));
        Assert.Equal(Product.GoogleWorkspace, product);
        Assert.True(WireNames.TryParse<Tier>("standard", out var tier));
        Assert.Equal(Tier.Standard, tier);
        Assert.False(WireNames.TryParse<Tier>("Platinum", out _));
    }

    [Theory]
    [InlineData("EXCL-M-START", Product.Microsoft365, Tier.Starter)]
    [InlineData("EXCL-G-STAND-NFR", Product.GoogleWorkspace, Tier.Standard)]
    [InlineData("EXCL-M-MNGT-CLOUD", Product.Microsoft365, Tier.Unknown)]
    public void R3_a_SKU_names_product_and_tier(string sku, Product product, Tier tier)
    {
        Assert.True(SubscriptionSku.TryParse(sku, out var p, out var t));
        Assert.Equal((product, tier), (p, t));
        Assert.False(SubscriptionSku.TryParse("OTHER-M-PRO", out _, out _));
    }
}
