using System.Collections.Generic;

namespace Exclaimer.Reseller.Sdk;

/// <summary>A user to add to a subscription (R10; <c>POST .../users</c>).</summary>
public sealed class AddSubscriptionUserOptions
{
    /// <summary>The user's email address, their username. Required.</summary>
    public string? EmailAddress { get; set; }

    /// <summary>Admin and/or Editor; Admin when none are given (R10).</summary>
    public IEnumerable<SubscriptionRole>? Roles { get; set; }

    /// <summary>
    /// Whether Exclaimer emails the user (asking them to log in for the first time, or telling them they were added).
    /// <see langword="null"/> (the default) leaves it to the server, which sends it; <see langword="false"/> sends nothing.
    /// </summary>
    public bool? SendWelcomeEmail { get; set; }

    /// <summary>
    /// Your own id for the user on this subscription (A-Z, a-z, 0-9, '-' and '_'; at most 100 characters); one is
    /// generated when left out. Either way a retry after a lost answer recognises it and never adds the user twice.
    /// </summary>
    public string? UserId { get; set; }
}
