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
            (token, size, ct) => Traced("ResellerClient.GetSubscriptionUsers", (token, size, ct), async (client, s) =>
            {
                var pageSize = client.PageSizeOrDefault(s.size);
                if (subscription is null)
                {
                    // The subscription (for its owner) and the first page at once: one round trip's wait, not two.
                    var reading = client.GetSubscriptionAsync(id, s.ct);
                    var page = client.UsersResponseAsync(id, CloudApiPaging.Query(s.token, pageSize), s.ct);
                    await Task.WhenAll(reading, page).ConfigureAwait(false);
                    subscription = await reading.ConfigureAwait(false);
                    return UsersPage(await page.ConfigureAwait(false), subscription, pageSize);
                }

                return UsersPage(await client.UsersResponseAsync(id, CloudApiPaging.Query(s.token, pageSize), s.ct).ConfigureAwait(false), subscription, pageSize);
            }),
            (number, size, ct) => Traced("ResellerClient.GetSubscriptionUsers", (number, size, ct), async (client, s) =>
                UsersPage(await client.UsersResponseAsync(id, CloudApiPaging.NumberedQuery(s.number, s.size), s.ct).ConfigureAwait(false), subscription!, s.size)),
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
    public virtual Task<SubscriptionUser> AddSubscriptionUserAsync(string subscriptionId, string emailAddress, IEnumerable<SubscriptionRole>? roles = null, CancellationToken cancellationToken = default) =>
        AddSubscriptionUserAsync(subscriptionId, new AddSubscriptionUserOptions { EmailAddress = emailAddress, Roles = roles }, cancellationToken);

    /// <summary>
    /// Adds a user or colleague (R10), choosing whether Exclaimer's welcome email goes out and, if wanted, the user's id.
    /// Without roles the user is an Admin.
    /// </summary>
    /// <remarks>
    /// <c>POST .../users</c> with the caller's <c>UserID</c> or a client-generated one, so a retry after a lost answer
    /// recognises it and never adds the user twice. <c>SendWelcomeEmailToCustomer</c> is sent only when
    /// <see cref="AddSubscriptionUserOptions.SendWelcomeEmail"/> is given; the server's default is to send it.
    /// </remarks>
    /// <param name="subscriptionId">The subscription.</param>
    /// <param name="options">The user's address and roles, the welcome email, and the user's id if you choose it.</param>
    /// <param name="cancellationToken">Cancels the call (required here: only one overload may have optional parameters; pass <see cref="CancellationToken.None"/>).</param>
    /// <exception cref="ResellerValidationException">The address, a role or the user id breaks a rule; nothing was sent.</exception>
    /// <exception cref="ResellerConflictException">The user is already on the subscription (<c>UserAlreadyExists</c>), or it is archived.</exception>
    public virtual Task<SubscriptionUser> AddSubscriptionUserAsync(string subscriptionId, AddSubscriptionUserOptions options, CancellationToken cancellationToken) =>
        Traced("ResellerClient.AddSubscriptionUser", (subscriptionId, options, cancellationToken), static (client, s) => client.AddSubscriptionUserCoreAsync(s.subscriptionId, s.options, s.cancellationToken));

    private async Task<SubscriptionUser> AddSubscriptionUserCoreAsync(string subscriptionId, AddSubscriptionUserOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var id = SubscriptionRules.ExistingId(subscriptionId);
        var email = SubscriptionRules.EmailAddress(options.EmailAddress ?? string.Empty, "EmailAddress", "R10");
        var granted = SubscriptionRules.Roles(options.Roles?.ToArray() ?? Array.Empty<SubscriptionRole>(), defaultToAdmin: true);
        var userId = options.UserId is null ? SubscriptionRules.NewUserId() : SubscriptionRules.UserId(options.UserId, "UserId", "R10");
        var request = CloudApiRequest.Json(
            HttpMethod.Post,
            CloudApiRoutes.Users(id),
            new AddSubscriptionUserRequest { UserId = userId, EmailAddress = email, Roles = granted, SendWelcomeEmailToCustomer = options.SendWelcomeEmail },
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
    public virtual Task<SubscriptionUser> SetSubscriptionUserRolesAsync(string subscriptionId, string emailAddress, IEnumerable<SubscriptionRole> roles, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.SetSubscriptionUserRoles", (subscriptionId, emailAddress, roles, cancellationToken), static (client, s) => client.SetSubscriptionUserRolesCoreAsync(s.subscriptionId, s.emailAddress, s.roles, s.cancellationToken));

    private async Task<SubscriptionUser> SetSubscriptionUserRolesCoreAsync(string subscriptionId, string emailAddress, IEnumerable<SubscriptionRole> roles, CancellationToken cancellationToken)
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
    public virtual Task RemoveSubscriptionUserAsync(string subscriptionId, string emailAddress, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.RemoveSubscriptionUser", (subscriptionId, emailAddress, cancellationToken), static (client, s) => client.RemoveSubscriptionUserCoreAsync(s.subscriptionId, s.emailAddress, s.cancellationToken));

    private async Task RemoveSubscriptionUserCoreAsync(string subscriptionId, string emailAddress, CancellationToken cancellationToken)
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

    /// <summary>
    /// Every user across all of the account's subscriptions, once per address, with the subscriptions each belongs to and
    /// their roles there (R10; <c>GET /1.0/subscriptions/users</c>), a page at a time.
    /// </summary>
    public virtual AsyncPageable<AccountUser> GetAllSubscriptionUsersAsync(CancellationToken cancellationToken = default) =>
        AsyncPageable<AccountUser>.Create(
            (token, size, ct) => Traced("ResellerClient.GetAllSubscriptionUsers", (token, size, ct), static (client, s) => client.AllUsersPageAsync(s.token, s.size, s.ct)),
            "users of every subscription",
            cancellationToken);

    private async Task<Page<AccountUser>> AllUsersPageAsync(string? token, int? size, CancellationToken ct)
    {
        var pageSize = PageSizeOrDefault(size);
        var request = CloudApiRequest.Get(CloudApiRoutes.AllUsers, CloudApiPaging.Query(token, pageSize));
        var response = await _connection.GetAsync(request, CloudApiJsonContext.Default.AccountUsersResponse, ct).ConfigureAwait(false);
        var items = CloudApiPaging.Items(request, response.Users, pageSize, static user => !string.IsNullOrEmpty(user.EmailAddress), "Email");
        var users = items.Select(user => user.Subscriptions is null ? user with { Subscriptions = Array.Empty<UserMembership>() } : user).ToArray();
        return Page<AccountUser>.FromServer(users, CloudApiPaging.Next(response.ContinuationToken), users.Length, response.UserCount);
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
        var user = await FirstUserAsync(subscriptionId, subscription, user => user.EmailAddress.Equals(email, StringComparison.OrdinalIgnoreCase), cancellationToken).ConfigureAwait(false);
        return (subscription, user);
    }

    /// <summary>The first of a subscription's users that <paramref name="match"/> takes, a page at a time; stops there.</summary>
    private async Task<SubscriptionUser?> FirstUserAsync(string subscriptionId, Subscription subscription, Func<SubscriptionUser, bool> match, CancellationToken cancellationToken)
    {
        var guard = new PageWalkGuard($"users of subscription '{subscriptionId}'", null);
        string? token = null;
        do
        {
            var page = await UsersPageAsync(subscriptionId, subscription, token, ResellerClientOptions.MaxPageSize, cancellationToken).ConfigureAwait(false);
            guard.Check(page);
            if (page.Values.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return null;
    }
}
