using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Contract;
using Exclaimer.Reseller.Emulator.Http;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <content>
/// Transfers, the API's two-step handshake (R21): the owner initiates and gets a token; whoever holds the token claims
/// the subscription once; the owner can cancel until then, after which the token claims nothing. The emulator answers as
/// one partner, so every claim it sees is the documented self-claim: with only the token it changes nothing but the
/// pending state; with details they apply as to any claimant (a new id, a reseller and end user or none).
/// </content>
internal sealed partial class ResellerEngine
{
    /// <summary>Starts a transfer and returns its token. Starting again gives a new token; the earlier one no longer claims.</summary>
    public async Task<string> InitiateTransferAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var token = NewId(30);
        await ChangeRecordAsync(
            subscriptionId,
            "put up for transfer",
            (_, record) =>
            {
                RequireNotArchived(record.Subscription, "transferred");
                return record with
                {
                    Subscription = record.Subscription with { PendingTransfer = true },
                    Transfer = new StoredTransfer { TokenHash = TokenHash(token), Status = TransferStates.Pending, InitiatedDate = _clock.GetUtcNow() },
                };
            },
            cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>Cancels a pending transfer: the subscription no longer shows as pending, and its token claims nothing.</summary>
    public Task<StoredSubscription> CancelTransferAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ChangeRecordAsync(
            subscriptionId,
            "taken off transfer",
            (_, record) =>
            {
                if (record.Transfer is not { Status: TransferStates.Pending } transfer)
                {
                    throw ApiProblem.Refused($"Subscription '{record.Id}' has no pending transfer to cancel.");
                }

                return record with
                {
                    Subscription = record.Subscription with { PendingTransfer = false },
                    Transfer = transfer with { Status = TransferStates.Cancelled, ClosedDate = _clock.GetUtcNow() },
                };
            },
            cancellationToken);

    /// <summary>
    /// Claims a subscription with its token, once. The body is checked before the token is spent, so a claim refused for
    /// its input leaves the token valid (openapi.json). Returns the subscription's id after the claim.
    /// </summary>
    public async Task<string> ClaimTransferAsync(ClaimBody body, CancellationToken cancellationToken)
    {
        var token = string.IsNullOrWhiteSpace(body.TransferToken) ? throw ApiProblem.Missing("TransferToken") : body.TransferToken!.Trim();
        if (body.ResellerId is not null && body.Reseller is not null)
        {
            throw ApiProblem.BadRequest("Reseller", "give ResellerID or Reseller, not both");
        }

        if (body.EndUserId is not null && body.EndUser is not null)
        {
            throw ApiProblem.BadRequest("EndUser", "give EndUserID or EndUser, not both");
        }

        var askedId = body.SubscriptionId is null ? null : Id(body.SubscriptionId);
        var reseller = body.Reseller is null ? null : Reseller(body.Reseller, "Reseller.");
        var endUser = body.EndUser is null ? null : EndUser(body.EndUser, "EndUser.");
        var onlyToken = askedId is null && body.ResellerId is null && reseller is null && body.EndUserId is null && endUser is null;
        var hash = TokenHash(token);

        var claimedId = await _store.WriteAsync(
            transaction =>
            {
                var record = transaction.Subscriptions.FirstOrDefault(r => r.Transfer is { } t && string.Equals(t.TokenHash, hash, StringComparison.Ordinal))
                    ?? throw ApiProblem.BadRequest("TransferToken", "it is not a transfer token for any subscription; ask the subscription's owner for the token they were given");
                switch (record.Transfer!.Status)
                {
                    case TransferStates.Claimed:
                        throw ApiProblem.BadRequest("TransferToken", "it has been used: a transfer token claims a subscription once");
                    case TransferStates.Cancelled:
                        throw ApiProblem.BadRequest("TransferToken", "the owner cancelled this transfer; ask them to start a new one");
                }

                if (record.IsMovedAway)
                {
                    throw ApiProblem.BadRequest("TransferToken", "it has been used: a transfer token claims a subscription once");
                }

                var resellerId = body.ResellerId is { } givenReseller
                    ? (transaction.FindReseller(givenReseller.Trim()) ?? throw ApiProblem.NotFound($"No reseller has the id '{givenReseller.Trim()}'.", "ResellerID")).ResellerId
                    : reseller?.ResellerId;
                var endUserId = body.EndUserId is { } givenEndUser
                    ? (transaction.FindEndUser(givenEndUser.Trim())?.EndUserId ?? (IsNamedBySubscription(transaction, givenEndUser.Trim()) ? givenEndUser.Trim() : throw ApiProblem.NotFound($"No end user has the id '{givenEndUser.Trim()}'.", "EndUserID")))
                    : endUser?.EndUserId;

                var now = _clock.GetUtcNow();
                var claimed = record with
                {
                    Subscription = record.Subscription with { PendingTransfer = false },
                    Transfer = record.Transfer with { Status = TransferStates.Claimed, ClosedDate = now },
                };
                if (onlyToken)
                {
                    // The documented self-claim: every detail stays as it was.
                    transaction.Put(claimed);
                    return claimed.Id;
                }

                if (reseller is not null)
                {
                    transaction.Put(Upserted(transaction, reseller));
                }

                if (endUser is not null)
                {
                    transaction.Put(Upserted(transaction, endUser));
                }

                if (!string.Equals(endUserId, record.Subscription.EndUserId, StringComparison.OrdinalIgnoreCase))
                {
                    KeepCustomer(transaction, record.Subscription.EndUserId);
                }

                claimed = claimed with { Subscription = claimed.Subscription with { ResellerId = resellerId, EndUserId = endUserId } };
                var newId = askedId is null || transaction.Find(askedId) is { } taken && !ReferenceEquals(taken, record) ? NewId(30) : askedId;
                if (string.Equals(newId, record.Id, StringComparison.OrdinalIgnoreCase))
                {
                    RequireCustomerTotalFits(transaction, claimed.Subscription);
                    transaction.Put(claimed);
                    return claimed.Id;
                }

                // A new id: the subscription moves; its record under the old id is kept (nothing is deleted) and no longer answers.
                var moved = claimed with
                {
                    Subscription = claimed.Subscription with { SubscriptionId = newId },
                    Users = claimed.Users.Select(u => u with { SubscriptionId = newId }).ToArray(),
                    Invitation = claimed.Invitation is null ? null : claimed.Invitation with { SubscriptionId = newId },
                };
                RequireCustomerTotalFits(transaction, moved.Subscription);
                transaction.Put(claimed with { Transfer = claimed.Transfer with { MovedTo = newId } });
                transaction.Put(moved);
                return newId;
            },
            cancellationToken).ConfigureAwait(false);

        EngineLog.Changed(_log, claimedId, "claimed by transfer");
        return claimedId;
    }

    /// <summary>Only a hash of a transfer token is kept (R18): the store never holds one that would hand a subscription over.</summary>
    private static string TokenHash(string token)
    {
#if NET
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
#else
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(token));
#endif
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            text.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
