using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// One subscription's usage against its licence (R23): the users licensed and the mailboxes the server saw over the last
/// 30 days, server-side and client-side. Flat, so a report exports to CSV as it is.
/// </summary>
public sealed record SubscriptionUsage
{
    /// <summary>The subscription.</summary>
    public string SubscriptionId { get; init; } = string.Empty;

    /// <summary>The customer's company name.</summary>
    public string CustomerName { get; init; } = string.Empty;

    /// <summary>The product.</summary>
    public Product Product { get; init; }

    /// <summary>The tier.</summary>
    public Tier Tier { get; init; }

    /// <summary>The status.</summary>
    public SubscriptionStatus Status { get; init; }

    /// <summary>Whether it is in its trial.</summary>
    public bool InTrial { get; init; }

    /// <summary>When the trial ends, for a trial.</summary>
    public DateTimeOffset? TrialEndDate { get; init; }

    /// <summary>The customer's mail domain, when the server reports it (the emulator does; the Cloud API does not).</summary>
    public string? Domain { get; init; }

    /// <summary>The data centre, when the server reports it (the emulator does; the Cloud API does not).</summary>
    public DataCenter? DataCenter { get; init; }

    /// <summary>The users (mailboxes) licensed: <see cref="Subscription.UserCount"/>.</summary>
    public int LicensedUsers { get; init; }

    /// <summary>Unique mailboxes that got server-side signatures in the last 30 days.</summary>
    public int ServerSideMailboxes { get; init; }

    /// <summary>Unique mailboxes that used client-side signatures in the last 30 days.</summary>
    public int ClientSideMailboxes { get; init; }

    /// <summary>
    /// The most mailboxes seen either way: a mailbox may be counted on both sides, so this is the fewest there can have
    /// been.
    /// </summary>
    public int MailboxesSeen => Math.Max(ServerSideMailboxes, ClientSideMailboxes);

    /// <summary>
    /// The mailboxes over the licence: the server's own <see cref="Subscription.Overage"/> when it reports one, else
    /// <see cref="MailboxesSeen"/> less <see cref="LicensedUsers"/>; 0 when within it.
    /// </summary>
    public int Overage { get; init; }
}
