using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Contract;
using Exclaimer.Reseller.Emulator.Http;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <content>
/// Mailbox usage (R23). The emulator serves no mail, so what a subscription has seen is what its usage extension was
/// told (<c>PUT _emulator/1.0/subscriptions/{id}/usage</c>); the mailbox count, the overage, the licensing floor and the
/// MSP reports are then worked out from it as the API does from real mail.
/// </content>
internal sealed partial class ResellerEngine
{
    /// <summary>The emulator's usage extension: the mail the subscription is to have seen over the last 30 days.</summary>
    public Task<StoredSubscription> SetUsageAsync(string subscriptionId, UsageBody body, CancellationToken cancellationToken)
    {
        var serverSide = Count(body.MailboxCount ?? 0, "MailboxCount");
        var clientSide = Count(body.ClientSideMailboxCount ?? 0, "ClientSideMailboxCount");
        var senders = (body.Senders ?? new()).Select((sender, i) => new StoredSender
        {
            UserId = sender.UserId,
            Sender = string.IsNullOrWhiteSpace(sender.Sender) ? throw ApiProblem.Missing($"Senders[{i}].Sender") : sender.Sender!.Trim(),
            Total = Count(sender.Total, "Total"),
            ImprintedServer = Count(sender.ImprintedServer, "ImprintedServer"),
            ImprintedCloud = Count(sender.ImprintedCloud, "ImprintedCloud"),
            ImprintedOnPremises = Count(sender.ImprintedOnPremises, "ImprintedOnPremises"),
            Outlook = Count(sender.Outlook, "Outlook"),
            Gmail = Count(sender.Gmail, "Gmail"),
        }).ToArray();
        return ChangeRecordAsync(
            subscriptionId,
            "given its mail usage",
            (_, record) => record with { Usage = new StoredUsage { MailboxCount = serverSide, ClientSideMailboxCount = clientSide, Senders = senders } },
            cancellationToken);
    }

    /// <summary>The unique mailboxes seen over the last 30 days, server-side and client-side.</summary>
    public async Task<MailboxCountAnswer> MailboxCountAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var usage = (await GetAsync(subscriptionId, cancellationToken).ConfigureAwait(false)).Usage;
        return new MailboxCountAnswer { MailboxCount = usage?.MailboxCount ?? 0, ClientSideMailboxCount = usage?.ClientSideMailboxCount ?? 0 };
    }

    /// <summary>The Elite programme's allocation and what the current subscriptions license of it; 403 for any other partner.</summary>
    public Task<MailboxAllocationAnswer> MailboxAllocationAsync(CancellationToken cancellationToken)
    {
        var allocation = _partner.MailboxAllocation
            ?? throw ApiProblem.Forbidden("The mailbox allocation is only available to Managed Service Providers on the Elite programme.");
        return _store.ReadAsync(
            view =>
            {
                var allocated = (int)Math.Min(int.MaxValue, Allocated(view));
                return new MailboxAllocationAnswer { MailboxAllocation = allocation, Allocated = allocated, Remaining = Math.Max(0, allocation - allocated) };
            },
            cancellationToken);
    }

    private static int Count(int value, string field) =>
        value is >= 0 and <= 10_000_000 ? value : throw ApiProblem.BadRequest(field, "use 0 to 10,000,000");
}
