namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// The new owner of a subscription (R20; <c>POST .../change-owner</c>): an existing user who holds Admin, named by
/// address or by user id, not both. Add the user first, or give them Admin, if they are not one yet.
/// </summary>
public sealed class ChangeOwnerOptions
{
    /// <summary>The new owner's email address.</summary>
    public string? EmailAddress { get; set; }

    /// <summary>The new owner's user id on the subscription (<see cref="SubscriptionUser.UserId"/>).</summary>
    public string? UserId { get; set; }
}
