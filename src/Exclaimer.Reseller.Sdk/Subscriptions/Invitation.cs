using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// The invitation a customer with access receives (R6): they follow its link, enter their details and
/// create a password; their username is <see cref="EmailAddress"/>. The link itself is a secret and is
/// never part of this type (R18).
/// </summary>
public sealed record Invitation
{
    /// <summary>The subscription the invitation is for.</summary>
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>Where the invitation went: the customer contact's address.</summary>
    public string EmailAddress { get; init; } = string.Empty;

    /// <summary>Where the invitation stands.</summary>
    public InvitationStatus Status { get; init; }

    /// <summary>When it was last sent, when known.</summary>
    public DateTimeOffset? SentDate { get; init; }

    /// <summary>How many times it has been sent, when known.</summary>
    public int? SendCount { get; init; }
}
