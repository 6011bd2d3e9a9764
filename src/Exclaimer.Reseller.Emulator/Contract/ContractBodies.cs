using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Emulator.Contract;

// The request bodies the emulator accepts, as the contract defines them (openapi.json). Every field is nullable so a
// missing one can be told from a default and reported in a 400 that lists the missing fields, as the API does.

/// <summary><c>POST /v2.0/subscriptions</c> (AddSubscriptionV2).</summary>
internal sealed class AddSubscriptionBody
{
    [JsonPropertyName("SubscriptionID")]
    public string? SubscriptionId { get; set; }

    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }

    public string? EmailAddress { get; set; }

    public int? MailboxCount { get; set; }

    public string? CountryCode { get; set; }

    public string? DataCenter { get; set; }

    public string? CurrencyCode { get; set; }

    public int? TrialDays { get; set; }

    public bool? SendWelcomeEmailToCustomer { get; set; }

    public string? SubscriptionName { get; set; }

    [JsonPropertyName("SKU")]
    public string? Sku { get; set; }

    public string? BillingGroup { get; set; }

    public AddSubscriptionEndUserBody? EndUser { get; set; }

    public AddSubscriptionResellerBody? Reseller { get; set; }

    public bool? SkipTrial { get; set; }
}

/// <summary>The customer part of a create (AddSubscriptionEndUserV2).</summary>
internal sealed class AddSubscriptionEndUserBody
{
    public string? Domain { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? EmailAddress { get; set; }
}

/// <summary>The reseller part of a create (AddSubscriptionResellerV2).</summary>
internal sealed class AddSubscriptionResellerBody
{
    public string? Domain { get; set; }
}

/// <summary><c>PUT /1.0/subscriptions/{id}</c> (UpdateSubscriptionDetails).</summary>
internal sealed class UpdateDetailsBody
{
    public string? SubscriptionName { get; set; }

    public string? CurrencyCode { get; set; }
}

/// <summary><c>PUT .../mailbox-count</c> (UpdateMailboxCount).</summary>
internal sealed class MailboxCountBody
{
    public int? MailboxCount { get; set; }
}

/// <summary><c>PUT .../reactivate</c> (ReactivateSubscription).</summary>
internal sealed class ReactivateBody
{
    public bool? InTrial { get; set; }
}

/// <summary><c>POST .../users</c> (AddSubscriptionUser).</summary>
internal sealed class AddUserBody
{
    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }

    public string? EmailAddress { get; set; }

    public List<string>? Roles { get; set; }

    public bool? SendWelcomeEmailToCustomer { get; set; }
}

/// <summary><c>PUT .../users/{UserID}/roles</c> (UpdateSubscriptionUserRoles).</summary>
internal sealed class RolesBody
{
    public List<string>? Roles { get; set; }
}

/// <summary>The emulator's <c>POST _emulator/1.0/subscriptions/{id}/start</c> (R11): the deployment, e.g. <c>"ServerSide, ClientSide"</c>.</summary>
internal sealed class StartBody
{
    public string? Deployment { get; set; }
}
