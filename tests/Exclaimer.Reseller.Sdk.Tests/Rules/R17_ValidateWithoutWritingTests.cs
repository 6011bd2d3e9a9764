using System;
using System.IO;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Storage;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

/// <summary>
/// R17: the client's Validate* methods give the answer the change itself would give, and touch nothing: what
/// PowerShell's -WhatIf relies on to report a row that would fail as failing.
/// </summary>
public sealed class R17_ValidateWithoutWritingTests
{
    public static TheoryData<string, string, string> BadCreates => new()
    {
        { "no product", "Product", "MissingField" },
        { "no users", "UserCount", "InvalidField" },
        { "customer access without an email", "ContactEmail", "MissingField" },
        { "a bad id", "SubscriptionId", "InvalidField" },
        { "a bad country", "CountryCode", "InvalidField" },
    };

    [Theory]
    [MemberData(nameof(BadCreates))]
    public async Task R17_ValidateCreateSubscription_refuses_what_CreateSubscriptionAsync_refuses(string why, string field, string code)
    {
        using var engine = new TestEngine();
        var options = Bad(why);

        var checkedFirst = Assert.Throws<ResellerValidationException>(() => engine.Client.ValidateCreateSubscription(options));
        var created = await Assert.ThrowsAsync<ResellerValidationException>(() => engine.CreateAsync(options));

        Assert.Equal(field, checkedFirst.FieldName);
        Assert.Equal(code, checkedFirst.ErrorCode);
        Assert.Equal(created.FieldName, checkedFirst.FieldName);
        Assert.Equal(created.ErrorCode, checkedFirst.ErrorCode);
        Assert.Equal(created.Message, checkedFirst.Message);
    }

    [Fact]
    public void R17_the_Validate_methods_create_no_store_folder_and_no_lock_file()
    {
        using var parent = new TempDirectory();
        var folder = Path.Combine(parent.Path, "not-yet");
        using var store = new JsonFileResellerStore(new JsonFileStoreOptions { DirectoryPath = folder });
        using var engine = new TestEngine(store);

        engine.Client.ValidateCreateSubscription(TestEngine.NewWithAccess("fabrikam"));
        engine.Client.ValidateUpdateSubscription(new UpdateSubscriptionOptions { UserCount = 3 });
        engine.Client.ValidateDeployment(DeploymentOptions.ServerSide, Product.Microsoft365);
        Assert.Throws<ResellerValidationException>(() => engine.Client.ValidateCreateSubscription(TestEngine.NewM365("x", users: 0)));

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task R13_ValidateUpdateSubscription_refuses_what_UpdateSubscriptionAsync_refuses()
    {
        using var engine = new TestEngine();
        await engine.CreateAsync(TestEngine.NewM365("contoso"));

        foreach (var options in new[] { new UpdateSubscriptionOptions(), new UpdateSubscriptionOptions { UserCount = 0 }, new UpdateSubscriptionOptions { CustomerName = " " } })
        {
            var checkedFirst = Assert.Throws<ResellerValidationException>(() => engine.Client.ValidateUpdateSubscription(options));
            var updated = await Assert.ThrowsAsync<ResellerValidationException>(() => engine.Client.UpdateSubscriptionAsync("contoso", options));
            Assert.Equal(updated.Message, checkedFirst.Message);
        }

        engine.Client.ValidateUpdateSubscription(new UpdateSubscriptionOptions { UserCount = 40 });
    }

    [Fact]
    public async Task R11_ValidateDeployment_refuses_what_a_first_start_refuses()
    {
        using var engine = new TestEngine();
        await engine.CreateAsync(new CreateSubscriptionOptions { Product = Product.GoogleWorkspace, CustomerName = "Fabrikam BV", UserCount = 3, SubscriptionId = "fabrikam", Domain = "fabrikam.example" });

        foreach (var deployment in new[] { DeploymentOptions.None, DeploymentOptions.ClientSide | DeploymentOptions.ExchangeOnPremises })
        {
            var checkedFirst = Assert.Throws<ResellerValidationException>(() => engine.Client.ValidateDeployment(deployment, Product.GoogleWorkspace));
            var started = await Assert.ThrowsAsync<ResellerValidationException>(() => engine.Client.StartSubscriptionAsync("fabrikam", deployment));
            Assert.Equal(started.Message, checkedFirst.Message);
        }

        engine.Client.ValidateDeployment(DeploymentOptions.ExchangeOnPremises, Product.Microsoft365);
    }

    [Fact]
    public void The_Validate_methods_refuse_null_options()
    {
        using var engine = new TestEngine();

        Assert.Throws<ArgumentNullException>(() => engine.Client.ValidateCreateSubscription(null!));
        Assert.Throws<ArgumentNullException>(() => engine.Client.ValidateUpdateSubscription(null!));
    }

    private static CreateSubscriptionOptions Bad(string why)
    {
        var options = TestEngine.NewM365("contoso");
        switch (why)
        {
            case "no product":
                options.Product = Product.Unknown;
                break;
            case "no users":
                options.UserCount = 0;
                break;
            case "customer access without an email":
                options = TestEngine.NewWithAccess("fabrikam");
                options.ContactEmail = null;
                break;
            case "a bad id":
                options.SubscriptionId = "contoso/m365";
                break;
            case "a bad country":
                options.CountryCode = "Great Britain";
                break;
        }

        return options;
    }
}
