using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Contract;
using Exclaimer.Reseller.Emulator.Http;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <content>
/// The partner's directory (R22): its end users (the SDK's customers) and resellers, each added or updated by the
/// partner's own id, and every user across its subscriptions.
/// </content>
internal sealed partial class ResellerEngine
{
    /// <summary>Adds an end user, or updates the one with the same id (<c>PUT /1.0/end-users</c>).</summary>
    public async Task SetEndUserAsync(EndUserBody body, CancellationToken cancellationToken)
    {
        var endUser = EndUser(body, string.Empty);
        await _store.WriteAsync(
            transaction =>
            {
                // Updated in place, under the id as first stored: the list keeps its order (R2).
                var next = Upserted(transaction, endUser);
                if (next != transaction.FindEndUser(endUser.EndUserId))
                {
                    transaction.Put(next);
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
        EngineLog.DirectoryChanged(_log, "end user", endUser.EndUserId);
    }

    /// <summary>Adds a reseller, or updates the one with the same id (<c>PUT /1.0/resellers</c>).</summary>
    public async Task SetResellerAsync(ResellerBody body, CancellationToken cancellationToken)
    {
        var reseller = Reseller(body, string.Empty);
        await _store.WriteAsync(
            transaction =>
            {
                var next = Upserted(transaction, reseller);
                if (next != transaction.FindReseller(reseller.ResellerId))
                {
                    transaction.Put(next);
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
        EngineLog.DirectoryChanged(_log, "reseller", reseller.ResellerId);
    }

    /// <summary>The resellers in the order they were first stored, a page at a time; countries as ISO 3166-1 alpha-3.</summary>
    public Task<(IReadOnlyList<ResellerAnswer> Items, int Total, int? Next)> ListResellersAsync(int start, int pageSize, CancellationToken cancellationToken) =>
        _store.ReadAsync(
            view =>
            {
                var all = view.Resellers;
                var end = Math.Min(all.Count, start + pageSize);
                var page = all.Skip(start).Take(Math.Max(0, end - start))
                    .Select(r => new ResellerAnswer { ResellerId = r.ResellerId, CompanyName = r.CompanyName, CountryCode = CountryCodes.Alpha3OrSelf(r.CountryCode) })
                    .ToArray();
                return ((IReadOnlyList<ResellerAnswer>)page, all.Count, end < all.Count ? end : (int?)null);
            },
            cancellationToken);

    /// <summary>
    /// Every user across the partner's subscriptions, once per address (compared without regard to case), with the
    /// subscriptions they belong to: in the order the subscriptions were created, as the API orders them.
    /// </summary>
    public Task<(IReadOnlyList<AccountUserAnswer> Items, int Total, int? Next)> ListAccountUsersAsync(int start, int pageSize, CancellationToken cancellationToken) =>
        _store.ReadAsync(
            view =>
            {
                var users = new List<AccountUserAnswer>();
                var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                foreach (var record in view.Subscriptions.Where(r => !r.IsMovedAway))
                {
                    foreach (var user in record.Users)
                    {
                        if (!positions.TryGetValue(user.Email, out var position))
                        {
                            position = users.Count;
                            positions.Add(user.Email, position);
                            users.Add(new AccountUserAnswer { Email = user.Email });
                        }

                        users[position].Subscriptions.Add(new AccountUserSubscriptionAnswer { SubscriptionId = record.Id, UserId = user.UserId, Roles = user.Roles.ToList() });
                    }
                }

                var end = Math.Min(users.Count, start + pageSize);
                var page = users.Skip(start).Take(Math.Max(0, end - start)).ToArray();
                return ((IReadOnlyList<AccountUserAnswer>)page, users.Count, end < users.Count ? end : (int?)null);
            },
            cancellationToken);

    /// <summary>An end user as a body gives it: every field required, the country ISO 3166-1.</summary>
    private static StoredEndUser EndUser(EndUserBody body, string prefix)
    {
        RequireAll(prefix, ("EndUserID", body.EndUserId), ("CompanyName", body.CompanyName), ("CountryCode", body.CountryCode));
        return new StoredEndUser
        {
            EndUserId = DirectoryId(body.EndUserId, prefix + "EndUserID"),
            CompanyName = Name(body.CompanyName!, prefix + "CompanyName"),
            CountryCode = Country(body.CountryCode!, prefix + "CountryCode"),
        };
    }

    /// <summary>A reseller as a body gives it: every field required, the country ISO 3166-1.</summary>
    private static StoredReseller Reseller(ResellerBody body, string prefix)
    {
        RequireAll(prefix, ("ResellerID", body.ResellerId), ("CompanyName", body.CompanyName), ("CountryCode", body.CountryCode));
        return new StoredReseller
        {
            ResellerId = DirectoryId(body.ResellerId, prefix + "ResellerID"),
            CompanyName = Name(body.CompanyName!, prefix + "CompanyName"),
            CountryCode = Country(body.CountryCode!, prefix + "CountryCode"),
        };
    }

    /// <summary>The missing fields of a body, all of them in one 400, as the API lists them.</summary>
    private static void RequireAll(string prefix, params (string Name, string? Value)[] fields)
    {
        var missing = fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => prefix + f.Name).ToArray();
        if (missing.Length > 0)
        {
            throw ApiProblem.Missing(missing);
        }
    }
}
