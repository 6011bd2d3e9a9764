namespace Exclaimer.Reseller.Sdk;

/// <summary>Changes to a subscription's details (R13). Properties left <see langword="null"/> stay as they are.</summary>
public sealed class UpdateSubscriptionOptions
{
    /// <summary>A new number of users (the Cloud API's mailbox count); at least 1.</summary>
    public int? UserCount { get; set; }

    /// <summary>A new customer name; at most 100 characters.</summary>
    public string? CustomerName { get; set; }
}
