using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Contract;
using Exclaimer.Reseller.Emulator.Http;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <content>Who owns a subscription (R20) and which reseller and end user it belongs to (R22).</content>
internal sealed partial class ResellerEngine
{
    /// <summary>
    /// Makes an existing Admin of the subscription its owner (R20); the old owner stays a user with their roles, no longer
    /// protected by the owner rules (R10). Making the owner the owner again changes nothing.
    /// </summary>
    public Task<StoredSubscription> ChangeOwnerAsync(string subscriptionId, ChangeOwnerBody body, CancellationToken cancellationToken)
    {
        var byId = string.IsNullOrWhiteSpace(body.UserId) ? null : body.UserId!.Trim();
        var byEmail = string.IsNullOrWhiteSpace(body.EmailAddress) ? null : body.EmailAddress!.Trim();
        if (byId is null && byEmail is null)
        {
            throw ApiProblem.Missing("UserID", "EmailAddress");
        }

        if (byId is not null && byEmail is not null)
        {
            throw ApiProblem.BadRequest("UserID", "give UserID or EmailAddress, not both");
        }

        return ChangeRecordAsync(
            subscriptionId,
            "given a new owner",
            (_, record) =>
            {
                RequireNotArchived(record.Subscription, "given a new owner");
                var user = (byId is not null
                        ? record.Users.FirstOrDefault(u => string.Equals(u.UserId, byId, StringComparison.Ordinal))
                        : FindUser(record, byEmail!))
                    ?? throw ApiProblem.BadRequest(byId is not null ? "UserID" : "EmailAddress", $"'{byId ?? byEmail}' is not a user of subscription '{record.Id}'; add them first");
                if (!user.Roles.Contains("Admin", StringComparer.OrdinalIgnoreCase))
                {
                    // R20: the new owner must already be an Admin of the subscription.
                    throw ApiProblem.BadRequest(byId is not null ? "UserID" : "EmailAddress", $"{user.Email} is not an Admin of subscription '{record.Id}'; give them the Admin role first");
                }

                if (user.IsOwner)
                {
                    return record;
                }

                return record with
                {
                    Subscription = record.Subscription with { UserId = user.UserId },
                    Users = record.Users.Select(u => ReferenceEquals(u, user) ? u with { IsOwner = true } : u.IsOwner ? u with { IsOwner = false } : u).ToArray(),
                };
            },
            cancellationToken);
    }

    /// <summary>
    /// Assigns, moves or removes a subscription's reseller and end user (R22): a field left out stays, an empty one
    /// removes, any other must name an existing reseller or end user (404 otherwise).
    /// </summary>
    public Task<StoredSubscription> MigrateAsync(string subscriptionId, MigrateBody body, CancellationToken cancellationToken)
    {
        var resellerId = body.ResellerId?.Trim();
        var endUserId = body.EndUserId?.Trim();
        return ChangeRecordAsync(
            subscriptionId,
            "migrated",
            (view, record) =>
            {
                if (resellerId is null && endUserId is null)
                {
                    return record;
                }

                var subscription = RequireNotArchived(record.Subscription, "migrated");
                if (resellerId is { Length: > 0 } && view.FindReseller(resellerId) is null)
                {
                    throw ApiProblem.NotFound($"No reseller has the id '{resellerId}'; add it with PUT /1.0/resellers first.", "ResellerID");
                }

                if (endUserId is { Length: > 0 } && view.FindEndUser(endUserId) is null && !IsNamedBySubscription(view, endUserId))
                {
                    throw ApiProblem.NotFound($"No end user has the id '{endUserId}'; add it with PUT /1.0/end-users first.", "EndUserID");
                }

                var changed = subscription with
                {
                    ResellerId = resellerId is null ? subscription.ResellerId : resellerId.Length == 0 ? null : view.FindReseller(resellerId)!.ResellerId,
                    EndUserId = endUserId is null ? subscription.EndUserId : endUserId.Length == 0 ? null : view.FindEndUser(endUserId)?.EndUserId ?? endUserId,
                };
                if (changed == subscription)
                {
                    return record;
                }

                if (!string.Equals(changed.EndUserId, subscription.EndUserId, StringComparison.OrdinalIgnoreCase))
                {
                    KeepCustomer(view, subscription.EndUserId);
                }

                return record with { Subscription = changed };
            },
            cancellationToken);
    }
}
