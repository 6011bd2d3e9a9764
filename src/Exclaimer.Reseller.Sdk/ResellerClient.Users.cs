using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Wire;

namespace Exclaimer.Reseller.Sdk;

/// <content>Users and roles of a subscription (R10), and the reseller's customers.</content>
public partial class ResellerClient
{
    /// <summary>The users of a subscription and their roles (R10), a page at a time.</summary>
    /// <remarks>
    /// <c>GET .../users</c>, after one GET of the subscription to tell the owner (<see cref="SubscriptionUser.IsOwner"/>),
    /// whom the contract does not mark in the list.
    /// </remarks>
    public virtual AsyncPageable<SubscriptionUser> GetSubscriptionUsersAsync(string subscriptionId, CancellationToken cancellationToken = default)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        Subscription? subscription = null;
        return AsyncPageable<SubscriptionUser>.Create(
            async (token, size, ct) =>
            {
                var pageSize = PageSizeOrDefault(size);
                if (subscription is null)
                {
                    // The subscription (for its owner) and the first page at once: one round trip's wait, not two.
                    var reading = GetSubscriptionAsync(id, ct);
                    var page = UsersResponseAsync(id, CloudApiPaging.Query(token, pageSize), ct);
                    await Task.WhenAll(reading, page).ConfigureAwait(false);
                    subscription = await reading.ConfigureAwait(false);
                    return UsersPage(await page.ConfigureAwait(false), subscription, pageSize);
                }

                return UsersPage(await UsersResponseAsync(id, CloudApiPaging.Query(token, pageSize), ct).ConfigureAwait(false), subscription, pageSize);
            },
            async (number, size, ct) => UsersPage(await UsersResponseAsync(id, CloudApiPaging.NumberedQuery(number, size), ct).ConfigureAwait(false), subscription!, size),
            _settings.PageConcurrency,
            $"users of subscription '{id}'",
            cancellationToken);
    }

    /// <summary>Adds a user or colleague by email address (R10). Without roles the user is an Admin.</summary>
    /// <remarks>
    /// <c>POST .../users</c> with a client-generated <c>UserID</c> (the contract requires one: A-Z, a-z, 0-9, '-', '_').
    /// A retry after a lost answer recognises that id and never adds the user twice.
    /// </remarks>
    /// <exception cref="ResellerConflictException">The user is already on the subscription (<c>UserAlreadyExists</c>), or it is archived.</exception>
    public virtual async Task<SubscriptionUser> AddSubscriptionUserAsync(string subscriptionId, string emailAddress, IEnumerable<SubscriptionRole>? roles = null, CancellationToken cancellationToken = default)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        var email = SubscriptionRules.EmailAddress(emailAddress ?? string.Empty, "EmailAddress", "R10");
        var granted = SubscriptionRules.Roles(roles?.ToArray() ?? Array.Empty<SubscriptionRole>(), defaultToAdmin: true);
        var userId = SubscriptionRules.NewUserId();
        var request = CloudApiRequest.Json(
            HttpMethod.Post,
            CloudApiRoutes.Users(id),
            new AddSubscriptionUserRequest { UserId = userId, EmailAddress = email, Roles = granted },
            CloudApiJsonContext.Default.AddSubscriptionUserRequest,
            id);
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            ClientLog.Changed(_log, id, "given a user");
            return new SubscriptionUser { SubscriptionId = id, EmailAddress = email, UserId = userId, Roles = granted };
        }

        if (reply.Status is 400 or 409)
        {
            var (subscription, existing) = await FindUserAsync(id, email, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                if (reply.WasRetried && existing.UserId == userId)
                {
                    return existing;
                }

                throw RuleErrors.UserAlreadyExists(existing.EmailAddress, id, reply.Details);
            }

            if (subscription.IsArchived)
            {
                throw RuleErrors.NotWhileArchived(subscription, "given users");
            }
        }

        throw CloudApiErrors.FromReply(reply, request);
    }

    /// <summary>Replaces a user's roles (R10). The owner always keeps Admin.</summary>
    /// <remarks>
    /// Finds the user's <c>UserID</c> by email address (listing the users), then <c>PUT .../users/{UserID}/roles</c>. The
    /// owner always keeps Admin: that is refused before anything is sent (R10, R17).
    /// </remarks>
    public virtual async Task<SubscriptionUser> SetSubscriptionUserRolesAsync(string subscriptionId, string emailAddress, IEnumerable<SubscriptionRole> roles, CancellationToken cancellationToken = default)
    {
        if (roles is null)
        {
            throw new ArgumentNullException(nameof(roles));
        }

        var id = SubscriptionRules.ExistingId(subscriptionId);
        var email = SubscriptionRules.EmailAddress(emailAddress ?? string.Empty, "EmailAddress", "R10");
        var granted = SubscriptionRules.Roles(roles.ToArray(), defaultToAdmin: false);
        var (subscription, found) = await FindUserAsync(id, email, cancellationToken).ConfigureAwait(false);
        var user = found ?? throw RuleErrors.UserNotFound(email, id);
        var keepsAdmin = granted.Contains(SubscriptionRole.Admin);
        if (user.IsOwner && !keepsAdmin)
        {
            throw RuleErrors.OwnerMustKeepAdmin(user.EmailAddress, id);
        }

        if (string.IsNullOrEmpty(user.UserId))
        {
            throw CloudApiErrors.NotSupported(
                id,
                $"{user.EmailAddress} was not added through the Cloud API, which therefore has no UserID to change their roles by; change them in the Exclaimer portal ({_settings.PortalUri}).");
        }

        var request = CloudApiRequest.Json(
            HttpMethod.Put,
            CloudApiRoutes.UserRoles(id, user.UserId!),
            new UpdateUserRolesRequest { Roles = granted },
            CloudApiJsonContext.Default.UpdateUserRolesRequest,
            id);
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (reply.Status == 403 && !keepsAdmin)
        {
            // The server's own owner rule (R10), for an owner the list did not reveal.
            throw RuleErrors.OwnerMustKeepAdmin(user.EmailAddress, id, reply.Details);
        }

        if (!reply.IsSuccess)
        {
            throw reply.Status is 400 or 409 && subscription.IsArchived
                ? RuleErrors.NotWhileArchived(subscription, "given users")
                : CloudApiErrors.FromReply(reply, request);
        }

        return user with { Roles = granted };
    }

    /// <summary>Removes a user by email address (R10). The owner cannot be removed.</summary>
    /// <remarks>
    /// <c>DELETE .../users/{email}</c> (the contract accepts the address in place of the UserID). Removing the owner is
    /// refused by the server (403) and reported as <see cref="ResellerValidationException"/> <c>OwnerCannotBeRemoved</c>.
    /// A retry that finds the user already gone counts as done.
    /// </remarks>
    public virtual async Task RemoveSubscriptionUserAsync(string subscriptionId, string emailAddress, CancellationToken cancellationToken = default)
    {
        var id = SubscriptionRules.ExistingId(subscriptionId);
        var email = SubscriptionRules.EmailAddress(emailAddress ?? string.Empty, "EmailAddress", "R10");
        var request = CloudApiRequest.Delete(CloudApiRoutes.User(id, email), id);
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess || (reply.Status == 404 && reply.WasRetried))
        {
            ClientLog.Changed(_log, id, "rid of a user");
            return;
        }

        if (reply.Status == 403 && await FindUserAsync(id, email, cancellationToken).ConfigureAwait(false) is { User.IsOwner: true } owner)
        {
            throw RuleErrors.OwnerCannotBeRemoved(owner.User!.EmailAddress, id, reply.Details);
        }

        if (reply.Status == 404)
        {
            // One 404 for two cases: tell an unknown subscription from an unknown user.
            await GetSubscriptionAsync(id, cancellationToken).ConfigureAwait(false);
            throw RuleErrors.UserNotFound(email, id, reply.Details);
        }

        throw await RefusalAsync(reply, request, id, "given users", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The reseller's customers (the contract's end users), a page at a time (<c>GET /1.0/end-users</c>).</summary>
    /// <remarks>The counts are filled in when the server reports them (the emulator does); the Cloud API leaves them <see langword="null"/>.</remarks>
    public virtual AsyncPageable<Customer> GetCustomersAsync(CancellationToken cancellationToken = default) =>
        AsyncPageable<Customer>.Create(
            (token, size, ct) => CustomersPageAsync(CloudApiPaging.Query(token, PageSizeOrDefault(size)), PageSizeOrDefault(size), ct),
            (number, size, ct) => CustomersPageAsync(CloudApiPaging.NumberedQuery(number, size), size, ct),
            _settings.PageConcurrency,
            "customers",
            cancellationToken);

    private async Task<Page<Customer>> CustomersPageAsync(string paging, int pageSize, CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Get(CloudApiRoutes.EndUsers, paging);
        var response = await _connection.GetAsync(request, CloudApiJsonContext.Default.EndUsersResponse, cancellationToken).ConfigureAwait(false);
        var customers = CloudApiPaging.Items(request, response.EndUsers, pageSize, static customer => !string.IsNullOrEmpty(customer.CustomerId), "EndUserID");
        return Page<Customer>.FromServer(customers, CloudApiPaging.Next(response.ContinuationToken), customers.Count, response.EndUserCount, response.Page, response.PageSize);
    }

    private async Task<(CloudApiRequest Request, SubscriptionUsersResponse Response)> UsersResponseAsync(string subscriptionId, string paging, CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Get(CloudApiRoutes.Users(subscriptionId), paging, subscriptionId);
        return (request, await _connection.GetAsync(request, CloudApiJsonContext.Default.SubscriptionUsersResponse, cancellationToken).ConfigureAwait(false));
    }

    private static Page<SubscriptionUser> UsersPage((CloudApiRequest Request, SubscriptionUsersResponse Response) answer, Subscription subscription, int pageSize)
    {
        var (request, response) = answer;
        var items = CloudApiPaging.Items(request, response.Users, pageSize, static user => !string.IsNullOrEmpty(user.EmailAddress) && user.Roles is not null, "Email");
        var users = items.Select(user => Own(user, subscription)).ToArray();
        return Page<SubscriptionUser>.FromServer(users, CloudApiPaging.Next(response.ContinuationToken), users.Length, response.UserCount, response.Page, response.PageSize);
    }

    private async Task<Page<SubscriptionUser>> UsersPageAsync(string subscriptionId, Subscription subscription, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        UsersPage(await UsersResponseAsync(subscriptionId, CloudApiPaging.Query(continuationToken, pageSize), cancellationToken).ConfigureAwait(false), subscription, pageSize);

    private static SubscriptionUser Own(SubscriptionUser user, Subscription subscription) =>
        user with
        {
            SubscriptionId = subscription.SubscriptionId,
            IsOwner = !string.IsNullOrEmpty(user.UserId) && string.Equals(user.UserId, subscription.OwnerUserId, StringComparison.Ordinal),
        };

    /// <summary>Finds a user by address, a page at a time; stops at the first match. The subscription is read once.</summary>
    private async Task<(Subscription Subscription, SubscriptionUser? User)> FindUserAsync(string subscriptionId, string email, CancellationToken cancellationToken)
    {
        var subscription = await GetSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        var guard = new PageWalkGuard($"users of subscription '{subscriptionId}'", null);
        string? token = null;
        do
        {
            var page = await UsersPageAsync(subscriptionId, subscription, token, ResellerClientOptions.MaxPageSize, cancellationToken).ConfigureAwait(false);
            guard.Check(page);
            var match = page.Values.FirstOrDefault(user => user.EmailAddress.Equals(email, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return (subscription, match);
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return (subscription, null);
    }
}
