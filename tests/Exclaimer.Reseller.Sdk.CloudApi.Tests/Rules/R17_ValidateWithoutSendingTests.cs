using System;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Rules;

/// <summary>
/// R17 over the Cloud API: <see cref="ResellerClient.ValidateCreateSubscription"/> gives the answer the create would
/// give, including what only the Cloud API needs (a domain; an owner without customer access), and sends nothing.
/// </summary>
public sealed class R17_ValidateWithoutSendingTests : IDisposable
{
    private readonly FakeCloudApi _api = new();

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task R3_a_create_without_a_domain_is_refused_by_the_check_as_by_the_create()
    {
        using var sdk = new CloudApiClient(_api);
        var options = new CreateSubscriptionOptions { Product = Product.Microsoft365, CustomerName = "Contoso Ltd", UserCount = 25 };

        var checkedFirst = Assert.Throws<ResellerValidationException>(() => sdk.Client.ValidateCreateSubscription(options));
        var created = await Assert.ThrowsAsync<ResellerValidationException>(() => sdk.Client.CreateSubscriptionAsync(options));

        Assert.Equal("Domain", checkedFirst.FieldName);
        Assert.Equal(created.Message, checkedFirst.Message);
        Assert.Empty(_api.Hits);
    }

    [Fact]
    public async Task R4_a_create_without_customer_access_or_reseller_admin_is_refused_by_the_check_as_by_the_create()
    {
        using var sdk = new CloudApiClient(_api, o => o.ResellerAdminEmail = null);
        var options = new CreateSubscriptionOptions { Product = Product.Microsoft365, CustomerName = "Contoso Ltd", UserCount = 25, Domain = "contoso.com" };

        var checkedFirst = Assert.Throws<ResellerValidationException>(() => sdk.Client.ValidateCreateSubscription(options));
        var created = await Assert.ThrowsAsync<ResellerValidationException>(() => sdk.Client.CreateSubscriptionAsync(options));

        Assert.Equal("ResellerAdminEmail", checkedFirst.FieldName);
        Assert.Equal("R4", checkedFirst.Rule);
        Assert.Equal(created.Message, checkedFirst.Message);
        Assert.Empty(_api.Hits);

        // With customer access the contact owns it, so the same client accepts it.
        sdk.Client.ValidateCreateSubscription(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "Contoso Ltd",
            UserCount = 25,
            Domain = "contoso.com",
            AllowCustomerEditing = true,
            ContactName = "Anna de Vries",
            ContactEmail = "anna@contoso.com",
        });
        Assert.Empty(_api.Hits);
    }

    [Fact]
    public void R17_a_valid_create_passes_the_check_and_nothing_is_sent()
    {
        using var sdk = new CloudApiClient(_api);

        sdk.Client.ValidateCreateSubscription(new CreateSubscriptionOptions { Product = Product.GoogleWorkspace, CustomerName = "Fabrikam BV", UserCount = 3, Domain = "fabrikam.com", SubscriptionId = "fabrikam" });
        sdk.Client.ValidateUpdateSubscription(new UpdateSubscriptionOptions { CustomerName = "Fabrikam Group" });
        sdk.Client.ValidateDeployment(DeploymentOptions.ClientSide, Product.GoogleWorkspace);

        Assert.Empty(_api.Hits);
    }
}
