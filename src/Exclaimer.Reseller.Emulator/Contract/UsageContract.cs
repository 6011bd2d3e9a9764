using System.Collections.Generic;

namespace Exclaimer.Reseller.Emulator.Contract;

// Mailbox usage (R23): the allocation, and the emulator's usage extension that stands in for mail it never serves.

/// <summary>The answer to <c>GET /1.0/mailbox-allocation</c> (MailboxAllocationResponse).</summary>
internal sealed class MailboxAllocationAnswer
{
    public int MailboxAllocation { get; set; }

    public int Allocated { get; set; }

    public int Remaining { get; set; }
}

/// <summary>
/// The emulator's <c>PUT _emulator/1.0/subscriptions/{id}/usage</c>: the mail a subscription is to have seen, as the
/// mailbox count and the MSP senders report give it back.
/// </summary>
internal sealed class UsageBody
{
    public int? MailboxCount { get; set; }

    public int? ClientSideMailboxCount { get; set; }

    public List<SenderAnswer>? Senders { get; set; }
}

/// <summary>One sender's usage (MspSenderUsage; the contract spells its id <c>UserId</c>).</summary>
internal sealed class SenderAnswer
{
    public string? UserId { get; set; }

    public string? Sender { get; set; }

    public int Total { get; set; }

    public int ImprintedServer { get; set; }

    public int ImprintedCloud { get; set; }

    public int ImprintedOnPremises { get; set; }

    public int Outlook { get; set; }

    public int Gmail { get; set; }
}
