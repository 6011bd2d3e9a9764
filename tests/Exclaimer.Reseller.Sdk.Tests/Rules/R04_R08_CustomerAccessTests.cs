using System;
using System.Linq;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Invitations;
using Exclaimer.Reseller.Sdk.Tests.Support;

namespace Exclaimer.Reseller.Sdk.Tests.Rules;

public sealed class R04_R08_CustomerAccessTests : IDisposable
{
    private readonly TestEngine _engine = new();

    public void Dispose() => _engine.Dispose();

    [Fact]
    public async Task R4_without_customer_access_the_customer_gets_no_login_and_no_email()
    {
        var created = await _engine.CreateAsync(TestEngine.NewM365("reseller-managed"));

        Assert.False(created.AllowCustomerEditing);
        Assert.Equal(InvitationStatus.None, created.InvitationStatus);
        Assert.Empty(_engine.Invitations.Sent);
        var owner = Assert.Single(await _engine.Client.GetSubscriptionUsersAsync("reseller-managed").ToListAsync());
        Assert.Equal("admin@reseller.example", owner.EmailAddress);
        Assert.True(owner.IsOwner);
    }

    [Fact]
    public async Task R4_contact_details_without_customer_access_are_kept_but_send_nothing()
    {
        var options = TestEngine.NewM365("details-only");
        options.ContactName = "Piet";
        options.ContactEmail = "piet@contoso.example";

        var created = await _engine.CreateAsync(options);

        Assert.Equal("piet@contoso.example", created.ContactEmail);
        Assert.Empty(_engine.Invitations.Sent);
        Assert.DoesNotContain(await _engine.Client.GetSubscriptionUsersAsync("details-only").ToListAsync(), u => u.EmailAddress == "piet@contoso.example");
    }

    [Theory]
    [InlineData(null, "anna@fabrikam.example", "ContactName")]
    [InlineData("Anna", null, "ContactEmail")]
    [InlineData("Anna", "   ", "ContactEmail")]
    [InlineData("Anna", "not-an-email", "ContactEmail")]
    [InlineData("Anna", "anna@", "ContactEmail")]
    [InlineData("Anna", "Anna <anna@fabrikam.example>", "ContactEmail")]
    [InlineData("Anna", "anna@localhost", "ContactEmail")]
    public async Task R5_customer_access_needs_a_contact_name_and_a_wellformed_email(string? name, string? email, string field)
    {
        var options = TestEngine.NewWithAccess("needs-contact");
        options.ContactName = name;
        options.ContactEmail = email;

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _engine.CreateAsync(options));

        Assert.Equal(field, error.FieldName);
        Assert.Equal("R5", error.Rule);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _engine.Client.GetSubscriptionsAsync().ToListAsync());
        Assert.Empty(_engine.Invitations.Sent);
    }

    [Fact]
    public async Task R8_the_customer_gets_signature_roles_only_and_is_told_billing_stays_with_the_reseller()
    {
        await _engine.CreateAsync(TestEngine.NewWithAccess("fabrikam"));

        var customer = Assert.Single(await _engine.Client.GetSubscriptionUsersAsync("fabrikam").ToListAsync());
        Assert.Equal("anna@fabrikam.example", customer.EmailAddress);
        Assert.All(customer.Roles, role => Assert.Contains(role, new[] { SubscriptionRole.Admin, SubscriptionRole.Editor }));
        Assert.Contains("Billing stays with your reseller", Assert.Single(_engine.Invitations.Sent).Body, StringComparison.Ordinal);
    }
}
