using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Http;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <content>What the partner operations share: a change to a whole subscription record, and the partner's limits.</content>
internal sealed partial class ResellerEngine
{
    private const int MaxDirectoryIdLength = 100;

    /// <summary>
    /// Changes one subscription record (its details, users, history, transfer...) in one atomic write, with the checks a
    /// change of users or customer needs (R17). A change that returns the record unchanged writes nothing.
    /// </summary>
    private async Task<StoredSubscription> ChangeRecordAsync(
        string subscriptionId,
        string action,
        Func<IResellerStoreTransaction, StoredSubscription, StoredSubscription> change,
        CancellationToken cancellationToken)
    {
        var (before, after) = await _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                var changed = change(transaction, record);
                if (ReferenceEquals(changed, record))
                {
                    return (record, record);
                }

                if (changed.Subscription.NumberOfUsers != record.Subscription.NumberOfUsers
                    || !string.Equals(changed.Subscription.EndUserId, record.Subscription.EndUserId, StringComparison.OrdinalIgnoreCase))
                {
                    RequireCustomerTotalFits(transaction, changed.Subscription);
                }

                transaction.Put(changed);
                return (record, changed);
            },
            cancellationToken).ConfigureAwait(false);

        if (!ReferenceEquals(before, after))
        {
            EngineLog.Changed(_log, after.Id, action);
        }

        return after;
    }

    /// <summary>An MSP sells Pro only (the API's "MSP: PRO only" on every SKU and tier, R24).</summary>
    private void RequireSoldByPartner(string tier, string field)
    {
        if (_partner.IsMsp && !string.Equals(tier, "ExclaimerPro", StringComparison.OrdinalIgnoreCase))
        {
            throw ApiProblem.BadRequest(field, "an MSP partner's subscriptions are Pro only (EXCL-M-PRO, EXCL-G-PRO, ExclaimerPro)");
        }
    }

    /// <summary>
    /// An MSP on the Elite programme licenses at most its allocation across its current subscriptions (R23). The changed
    /// subscription counts with its new number of users.
    /// </summary>
    private void RequireWithinAllocation(IResellerStoreView view, StoredSubscriptionDetails changed)
    {
        if (_partner.MailboxAllocation is not { } allocation)
        {
            return;
        }

        var allocated = Allocated(view, except: changed.SubscriptionId) + (SubscriptionStates.IsArchived(changed.Status) ? 0 : changed.NumberOfUsers);
        if (allocated > allocation)
        {
            throw ApiProblem.BadRequest("MailboxCount", $"it would license {allocated} mailboxes in all, past the mailbox allocation of {allocation} (GET /1.0/mailbox-allocation)");
        }
    }

    /// <summary>The mailboxes licensed by the current subscriptions, leaving one out.</summary>
    private static long Allocated(IResellerStoreView view, string? except = null) =>
        view.Subscriptions
            .Where(r => !r.IsMovedAway && !SubscriptionStates.IsArchived(r.Subscription.Status)
                && !string.Equals(r.Id, except, StringComparison.OrdinalIgnoreCase))
            .Sum(r => (long)r.Subscription.NumberOfUsers);

    /// <summary>
    /// An end user to store, added or updated (R22). One added gets the moment it was added, or, when subscriptions
    /// already name it, the moment its first one was created: it keeps its place in the customer list either way.
    /// </summary>
    private StoredEndUser Upserted(IResellerStoreView view, StoredEndUser endUser)
    {
        if (view.FindEndUser(endUser.EndUserId) is { } stored)
        {
            return stored with { CompanyName = endUser.CompanyName, CountryCode = endUser.CountryCode };
        }

        var first = view.Subscriptions.FirstOrDefault(r => !r.IsMovedAway && string.Equals(r.Subscription.EndUserId, endUser.EndUserId, StringComparison.OrdinalIgnoreCase));
        return endUser with { CreatedDate = first?.Subscription.StartDate ?? _clock.GetUtcNow() };
    }

    /// <summary>
    /// Keeps a customer only subscriptions name (a create's) when a subscription is about to stop naming it (a migration, a
    /// claim): it becomes a record of its own, in its place, so it stays in the customer list as the API's end users do.
    /// </summary>
    private static void KeepCustomer(IResellerStoreTransaction transaction, string? endUserId)
    {
        if (string.IsNullOrEmpty(endUserId) || transaction.FindEndUser(endUserId!) is not null)
        {
            return;
        }

        var first = transaction.Subscriptions.FirstOrDefault(r => !r.IsMovedAway && string.Equals(r.Subscription.EndUserId, endUserId, StringComparison.OrdinalIgnoreCase));
        if (first is not null)
        {
            transaction.Put(new StoredEndUser { EndUserId = endUserId!, CompanyName = first.Subscription.Name, CountryCode = first.Subscription.CountryCode, CreatedDate = first.Subscription.StartDate });
        }
    }

    /// <summary>A reseller to store, added or updated under the id as first stored (R22).</summary>
    private static StoredReseller Upserted(IResellerStoreView view, StoredReseller reseller) =>
        view.FindReseller(reseller.ResellerId) is { } stored ? stored with { CompanyName = reseller.CompanyName, CountryCode = reseller.CountryCode } : reseller;

    /// <summary>Whether a subscription names the end user: a customer a create made, which has no record of its own.</summary>
    private static bool IsNamedBySubscription(IResellerStoreView view, string endUserId) =>
        view.Subscriptions.Any(r => !r.IsMovedAway && string.Equals(r.Subscription.EndUserId, endUserId, StringComparison.OrdinalIgnoreCase));

    /// <summary>An end user or reseller id the partner gives (at most 100 characters, the MSP create's limit).</summary>
    private static string DirectoryId(string? text, string field)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        return trimmed.Length is 0 ? throw ApiProblem.Missing(field)
            : trimmed.Length > MaxDirectoryIdLength || trimmed.Any(char.IsControl)
                ? throw ApiProblem.BadRequest(field, $"use 1 to {MaxDirectoryIdLength} characters")
                : trimmed;
    }
}
