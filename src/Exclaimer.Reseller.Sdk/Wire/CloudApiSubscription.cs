using System;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.Wire;

/// <summary>
/// A subscription as the Cloud API sends it (the <c>Subscription</c> schema), read into settable properties and
/// then mapped onto the public <see cref="Subscription"/>. Reading the immutable record directly would take the
/// serializer's constructor path, which boxes every value and made a listed item about 1.5 times dearer to read.
/// </summary>
internal sealed class CloudApiSubscription
{
    [JsonPropertyName("SubscriptionID")]
    public string? SubscriptionId { get; set; }

    public string? Name { get; set; }

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

    public SubscriptionStatus Status { get; set; }

    public bool InTrial { get; set; }

    public DateTimeOffset? TrialEndDate { get; set; }

    public int? BillableUsers { get; set; }

    public int? Overage { get; set; }

    public Tier Tier { get; set; }

    [JsonPropertyName("NFR")]
    public bool? Nfr { get; set; }

    [JsonPropertyName("NFRDetails")]
    public SubscriptionNfrDetails? NfrDetails { get; set; }

    [JsonPropertyName("SKU")]
    public string? Sku { get; set; }

    public bool? PendingTransfer { get; set; }

    // Fields only the emulator reports (a documented extension); the Cloud API leaves them out, so they stay null.
    public DataCenter? DataCenter { get; set; }

    public string? CountryCode { get; set; }

    public string? Domain { get; set; }

    public bool? AllowCustomerEditing { get; set; }

    public string? ContactName { get; set; }

    public string? ContactEmail { get; set; }

    public InvitationStatus InvitationStatus { get; set; }

    public DeploymentOptions? Deployment { get; set; }

    public DateTimeOffset? ArchivedDate { get; set; }

    public Subscription ToSubscription() => new()
    {
        SubscriptionId = SubscriptionId ?? string.Empty,
        CustomerName = Name ?? string.Empty,
        CustomerId = EndUserId,
        ResellerId = ResellerId,
        OwnerUserId = UserId,
        Sku = Sku,
        Tier = Tier,
        UserCount = NumberOfUsers,
        Status = Status,
        InTrial = InTrial,
        TrialEndDate = TrialEndDate,
        StartDate = StartDate,
        Currency = Currency,
        BillableUsers = BillableUsers,
        AggregatedUsers = AggregatedUsers,
        ProcessedUsers = ProcessedUsers,
        Overage = Overage,
        Nfr = Nfr,
        NfrDetails = NfrDetails,
        PendingTransfer = PendingTransfer,
        DataCenter = DataCenter,
        CountryCode = CountryCode,
        Domain = Domain,
        AllowCustomerEditing = AllowCustomerEditing,
        ContactName = ContactName,
        ContactEmail = ContactEmail,
        InvitationStatus = InvitationStatus,
        Deployment = Deployment,
        ArchivedDate = ArchivedDate,
    };
}
