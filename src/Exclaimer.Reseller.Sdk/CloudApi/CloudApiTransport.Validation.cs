using Exclaimer.Reseller.Sdk.LocalEngine;

namespace Exclaimer.Reseller.Sdk.CloudApi;

public sealed partial class CloudApiTransport
{
    /// <inheritdoc />
    /// <remarks>The rulebook's input rules, then what the Cloud API needs: the customer's domain and an owner.</remarks>
    internal override void ValidateCreateSubscription(CreateSubscriptionOptions options) => ValidateCreate(options, out _);

    /// <summary>
    /// The checks a create makes before anything is sent, in one place, so <see cref="ResellerClient.ValidateCreateSubscription"/>
    /// and <see cref="CreateSubscriptionAsync"/> cannot give different answers.
    /// </summary>
    /// <param name="options">The create.</param>
    /// <param name="owner">The subscription's owner: the customer contact with customer access (R5, R6), else the reseller's admin (R4).</param>
    private ValidatedCreate ValidateCreate(CreateSubscriptionOptions options, out string owner)
    {
        var validated = SubscriptionRules.ValidateCreate(options, _settings.DefaultCountryCode);
        if (validated.Domain is null)
        {
            throw ResellerValidationException.Missing("Domain", "R3", "the Cloud API needs the customer's mail domain, e.g. contoso.com");
        }

        owner = validated.AllowCustomerEditing
            ? validated.ContactEmail!
            : _settings.ResellerAdminEmail
              ?? throw ResellerValidationException.Missing(
                  "ResellerAdminEmail",
                  "R4",
                  "a subscription without customer access is owned by the reseller's admin over the Cloud API; set CloudApiOptions.ResellerAdminEmail");
        return validated;
    }
}
