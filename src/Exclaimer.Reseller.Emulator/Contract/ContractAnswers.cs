using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Contract;

// The answers the emulator gives, as the contract defines them, PascalCase, with a field that has no value left out
// rather than written as null (as the API's examples and paging notes do).

/// <summary>A subscription as the contract's <c>Subscription</c> schema, plus the emulator's extension fields.</summary>
internal sealed class SubscriptionAnswer
{
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }

    [JsonPropertyName("EndUserID")]
    public string? EndUserId { get; set; }

    [JsonPropertyName("ResellerID")]
    public string? ResellerId { get; set; }

    public DateTimeOffset? StartDate { get; set; }

    public int NumberOfUsers { get; set; }

    public int? AggregatedUsers { get; set; }

    public int? ProcessedUsers { get; set; }

    public string? Currency { get; set; }

    public string Status { get; set; } = SubscriptionStates.Active;

    public bool InTrial { get; set; }

    public DateTimeOffset? TrialEndDate { get; set; }

    public int? BillableUsers { get; set; }

    public int? Overage { get; set; }

    public string? Tier { get; set; }

    [JsonPropertyName("NFR")]
    public bool? Nfr { get; set; }

    [JsonPropertyName("NFRDetails")]
    public StoredNfrDetails? NfrDetails { get; set; }

    [JsonPropertyName("SKU")]
    public string? Sku { get; set; }

    public bool? PendingTransfer { get; set; }

    // Extension fields (docs/emulator.md): what the portal shows and the Cloud API does not report.
    public string? DataCenter { get; set; }

    public string? CountryCode { get; set; }

    public string? Domain { get; set; }

    public bool? AllowCustomerEditing { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public string? InvitationStatus { get; set; }

    public string? Deployment { get; set; }

    public DateTimeOffset? ArchivedDate { get; set; }

    /// <summary>A subscription as the contract reports it, its overage worked out from the mail it has seen (R23).</summary>
    public static SubscriptionAnswer From(StoredSubscription record)
    {
        var answer = From(record.Subscription);
        var licensed = record.Subscription.NumberOfUsers;
        if (record.Usage is { } usage && licensed > 0 && Math.Max(usage.MailboxCount, usage.ClientSideMailboxCount) - licensed is > 0 and var over)
        {
            // "Only present when licensed users exceeded" (openapi.json); an MSP's usage-billed subscription licenses none.
            answer.Overage = over;
        }

        return answer;
    }

    public static SubscriptionAnswer From(StoredSubscriptionDetails s) => new()
    {
        SubscriptionId = s.SubscriptionId,
        Name = s.Name,
        UserId = s.UserId,
        EndUserId = s.EndUserId,
        ResellerId = s.ResellerId,
        StartDate = s.StartDate,
        NumberOfUsers = s.NumberOfUsers,
        AggregatedUsers = s.AggregatedUsers,
        ProcessedUsers = s.ProcessedUsers,
        Currency = s.Currency,
        Status = s.Status,
        InTrial = s.InTrial,
        TrialEndDate = s.InTrial && !SubscriptionStates.IsArchived(s.Status) ? s.TrialEndDate : null,
        BillableUsers = s.BillableUsers,
        Overage = s.Overage,
        Tier = s.Tier,
        Nfr = s.Nfr,
        NfrDetails = s.Nfr == true ? s.NfrDetails : null,
        Sku = s.Sku,
        PendingTransfer = s.PendingTransfer,
        DataCenter = s.DataCenter,
        CountryCode = s.CountryCode,
        Domain = s.Domain,
        AllowCustomerEditing = s.AllowCustomerEditing,
        ContactName = s.ContactName,
        ContactEmail = s.ContactEmail,
        InvitationStatus = s.InvitationStatus,
        Deployment = s.Deployment,
        ArchivedDate = s.ArchivedDate,
    };
}

internal sealed class SingleSubscriptionAnswer
{
    public SubscriptionAnswer? Subscription { get; set; }
}

internal sealed class SubscriptionsAnswer
{
    public List<SubscriptionAnswer> Subscriptions { get; set; } = new();

    public int SubscriptionCount { get; set; }

    public int? ContinuationToken { get; set; }

    public int Page { get; set; }

    public int PageSize { get; set; }
}

internal sealed class AddSubscriptionAnswer
{
    [JsonPropertyName("SubscriptionID")]
    public string SubscriptionId { get; set; } = string.Empty;

    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }
}

internal sealed class UserAnswer
{
    public string Email { get; set; } = string.Empty;

    [JsonPropertyName("UserID")]
    public string? UserId { get; set; }

    public List<string> Roles { get; set; } = new();
}

internal sealed class UsersAnswer
{
    public List<UserAnswer> Users { get; set; } = new();

    public int UserCount { get; set; }

    public int? ContinuationToken { get; set; }

    public int Page { get; set; }

    public int PageSize { get; set; }
}

internal sealed class EndUserAnswer
{
    [JsonPropertyName("EndUserID")]
    public string EndUserId { get; set; } = string.Empty;

    public string CompanyName { get; set; } = string.Empty;

    public string? CountryCode { get; set; }

    // Extension fields: the customer's current subscriptions and users, which the emulator knows.
    public int? SubscriptionCount { get; set; }

    public int? UserCount { get; set; }
}

internal sealed class EndUsersAnswer
{
    public List<EndUserAnswer> EndUsers { get; set; } = new();

    public int EndUserCount { get; set; }

    public int? ContinuationToken { get; set; }

    public int Page { get; set; }

    public int PageSize { get; set; }
}

internal sealed class MailboxCountAnswer
{
    public int MailboxCount { get; set; }

    public int ClientSideMailboxCount { get; set; }
}

internal sealed class StatusAnswer
{
    public string CurrentTime { get; set; } = string.Empty;
}

internal sealed class DataCenterAnswer
{
    public string Location { get; set; } = string.Empty;

    public string? Office365Code { get; set; }

    public string? GSuiteCode { get; set; }
}

internal sealed class DataCentersAnswer
{
    public List<DataCenterAnswer> DataCenters { get; set; } = new();
}

internal sealed class SkuAnswer
{
    [JsonPropertyName("SKU")]
    public string Sku { get; set; } = string.Empty;

    public string? Description { get; set; }
}

internal sealed class SkusAnswer
{
    [JsonPropertyName("SKUs")]
    public List<SkuAnswer> Skus { get; set; } = new();
}

internal sealed class TierAnswer
{
    public string Tier { get; set; } = string.Empty;

    public string? Description { get; set; }
}

internal sealed class TiersAnswer
{
    public List<TierAnswer> Tiers { get; set; } = new();
}

/// <summary>The emulator's answer to a start (R11, R12).</summary>
internal sealed class StartAnswer
{
    public bool Configured { get; set; }

    public bool WasAlreadyConfigured { get; set; }

    public string Deployment { get; set; } = "None";

    public Uri? HomePage { get; set; }

    public SubscriptionAnswer? Subscription { get; set; }
}

internal sealed class InvitationAnswer
{
    public InvitationDetailsAnswer? Invitation { get; set; }
}

internal sealed class InvitationDetailsAnswer
{
    public string SubscriptionId { get; set; } = string.Empty;

    public string EmailAddress { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public DateTimeOffset? SentDate { get; set; }

    public int? SendCount { get; set; }
}

/// <summary>
/// An error body. The contract defines no schema ("a json structure detailing the missing fields"); the emulator writes
/// <c>Message</c>, and <c>MissingFields</c> or <c>Field</c> where they apply; its own store faults add <c>Code</c> and <c>Path</c>.
/// </summary>
internal sealed class ProblemAnswer
{
    public string Message { get; set; } = string.Empty;

    public List<string>? MissingFields { get; set; }

    public string? Field { get; set; }

    public string? Code { get; set; }

    public string? Path { get; set; }
}
