using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.CloudApi.Http;
using Exclaimer.Reseller.Sdk.CloudApi.Wire;
using Exclaimer.Reseller.Sdk.LocalEngine;

namespace Exclaimer.Reseller.Sdk.CloudApi;

/// <content>Users and roles of a subscription (R10), and the reseller's customers.</content>
public sealed partial class CloudApiTransport
{
    /// <inheritdoc />
    /// <remarks>
    /// <c>GET .../users</c>, plus one GET of the subscription per page to tell the owner
    /// (<see cref="SubscriptionUser.IsOwner"/>), whom the Cloud API does not mark in the list.
    /// </remarks>
    public override async Task<Page<SubscriptionUser>> GetSubscriptionUsersPageAsync(string subscriptionId, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var subscription = await GetSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        return await UsersPageAsync(subscriptionId, subscription, continuationToken, pageSize, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>POST .../users</c> with a client-generated <c>UserID</c> (the API requires one: A-Z, a-z, 0-9, '-', '_').
    /// A retry after a lost answer recognises that id and never adds the user twice; an address already on the
    /// subscription is a <see cref="ResellerConflictException"/> <c>UserAlreadyExists</c>, as with the local engine.
    /// </remarks>
    public override async Task<SubscriptionUser> AddSubscriptionUserAsync(string subscriptionId, string emailAddress, IReadOnlyList<SubscriptionRole> roles, CancellationToken cancellationToken)
    {
        var email = SubscriptionRules.EmailAddress(emailAddress, "EmailAddress", "R10");
        var granted = SubscriptionRules.Roles(roles, defaultToAdmin: true);
        var userId = SubscriptionRules.NewUserId();
        var request = CloudApiRequest.Json(
            HttpMethod.Post,
            CloudApiRoutes.Users(subscriptionId),
            new AddSubscriptionUserRequest { UserId = userId, EmailAddress = email, Roles = granted },
            CloudApiJsonContext.Default.AddSubscriptionUserRequest,
            subscriptionId);
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess)
        {
            CloudApiLog.Changed(_log, subscriptionId, "given a user");
            return new SubscriptionUser { SubscriptionId = subscriptionId, EmailAddress = email, UserId = userId, Roles = granted };
        }

        if (reply.Status is 400 or 409 && await FindUserAsync(subscriptionId, email, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            if (reply.WasRetried && existing.UserId == userId)
            {
                return existing;
            }

            throw RuleErrors.UserAlreadyExists(existing.EmailAddress, subscriptionId).WithCallDetails(reply.ErrorBody, reply.RequestId, subscriptionId);
        }

        throw CloudApiErrors.FromReply(reply, request);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Finds the user's <c>UserID</c> by email address (listing the users), then <c>PUT .../users/{UserID}/roles</c>.
    /// The owner always keeps Admin: that is refused before anything is sent (R10, R17).
    /// </remarks>
    public override async Task<SubscriptionUser> SetSubscriptionUserRolesAsync(string subscriptionId, string emailAddress, IReadOnlyList<SubscriptionRole> roles, CancellationToken cancellationToken)
    {
        var email = SubscriptionRules.EmailAddress(emailAddress, "EmailAddress", "R10");
        var granted = SubscriptionRules.Roles(roles, defaultToAdmin: false);
        var user = await FindUserAsync(subscriptionId, email, cancellationToken).ConfigureAwait(false)
            ?? throw RuleErrors.UserNotFound(email, subscriptionId);
        var keepsAdmin = granted.Contains(SubscriptionRole.Admin);
        if (user.IsOwner && !keepsAdmin)
        {
            throw RuleErrors.OwnerMustKeepAdmin(user.EmailAddress, subscriptionId);
        }

        if (string.IsNullOrEmpty(user.UserId))
        {
            throw CloudApiErrors.NotSupported(
                subscriptionId,
                $"{user.EmailAddress} was not added through the Cloud API, which therefore has no UserID to change their roles by; change them in the Exclaimer portal ({_settings.PortalUri}).");
        }

        var request = CloudApiRequest.Json(
            HttpMethod.Put,
            CloudApiRoutes.UserRoles(subscriptionId, user.UserId!),
            new UpdateUserRolesRequest { Roles = granted },
            CloudApiJsonContext.Default.UpdateUserRolesRequest,
            subscriptionId);
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (reply.Status == 403 && !keepsAdmin)
        {
            // The API's own owner rule (R10), for an owner the list did not reveal.
            throw RuleErrors.OwnerMustKeepAdmin(user.EmailAddress, subscriptionId);
        }

        if (!reply.IsSuccess)
        {
            throw CloudApiErrors.FromReply(reply, request);
        }

        return user with { Roles = granted };
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>DELETE .../users/{email}</c> (the API accepts the address in place of the UserID). Removing the owner is
    /// refused by the API (403) and reported as <see cref="ResellerValidationException"/> <c>OwnerCannotBeRemoved</c>,
    /// as with the local engine. A retry that finds the user already gone counts as done.
    /// </remarks>
    public override async Task RemoveSubscriptionUserAsync(string subscriptionId, string emailAddress, CancellationToken cancellationToken)
    {
        var email = SubscriptionRules.EmailAddress(emailAddress, "EmailAddress", "R10");
        var request = CloudApiRequest.Delete(CloudApiRoutes.User(subscriptionId, email), subscriptionId);
        var reply = await _connection.SendAsync(request, null, cancellationToken).ConfigureAwait(false);
        if (reply.IsSuccess || (reply.Status == 404 && reply.WasRetried))
        {
            CloudApiLog.Changed(_log, subscriptionId, "rid of a user");
            return;
        }

        if (reply.Status == 403 && await FindUserAsync(subscriptionId, email, cancellationToken).ConfigureAwait(false) is { IsOwner: true } owner)
        {
            throw RuleErrors.OwnerCannotBeRemoved(owner.EmailAddress, subscriptionId).WithCallDetails(reply.ErrorBody, reply.RequestId, subscriptionId);
        }

        if (reply.Status == 404)
        {
            // One 404 for two cases: tell an unknown subscription from an unknown user.
            await GetSubscriptionAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
            throw RuleErrors.UserNotFound(email, subscriptionId).WithCallDetails(reply.ErrorBody, reply.RequestId, subscriptionId);
        }

        throw CloudApiErrors.FromReply(reply, request);
    }

    /// <inheritdoc />
    /// <remarks><c>GET /1.0/end-users</c>: the Cloud API's end users are the reseller's customers. The counts stay <see langword="null"/>.</remarks>
    public override async Task<Page<Customer>> GetCustomersPageAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Get(CloudApiRoutes.EndUsers, CloudApiPaging.Query(continuationToken, pageSize));
        var response = await _connection.GetAsync(request, CloudApiJsonContext.Default.EndUsersResponse, cancellationToken).ConfigureAwait(false);
        var customers = CloudApiPaging.Items(request, response.EndUsers, pageSize, static customer => !string.IsNullOrEmpty(customer.CustomerId), "EndUserID");
        return Page<Customer>.FromServer(customers, CloudApiPaging.Next(response.ContinuationToken), customers.Count, response.EndUserCount);
    }

    private async Task<Page<SubscriptionUser>> UsersPageAsync(string subscriptionId, Subscription subscription, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Get(CloudApiRoutes.Users(subscriptionId), CloudApiPaging.Query(continuationToken, pageSize), subscriptionId);
        var response = await _connection.GetAsync(request, CloudApiJsonContext.Default.SubscriptionUsersResponse, cancellationToken).ConfigureAwait(false);
        var items = CloudApiPaging.Items(request, response.Users, pageSize, static user => !string.IsNullOrEmpty(user.EmailAddress) && user.Roles is not null, "Email");
        var users = items.Select(user => Own(user, subscription)).ToArray();
        return Page<SubscriptionUser>.FromServer(users, CloudApiPaging.Next(response.ContinuationToken), users.Length, response.UserCount);
    }

    private static SubscriptionUser Own(SubscriptionUser user, Subscription subscription) =>
        user with
        {
            SubscriptionId = subscription.SubscriptionId,
            IsOwner = !string.IsNullOrEmpty(user.UserId) && string.Equals(user.UserId, subscription.OwnerUserId, StringComparison.Ordinal),
        };

    /// <summary>Finds a user by address, a page at a time; stops at the first match. The subscription is read once.</summary>
    private async Task<SubscriptionUser?> FindUserAsync(string subscriptionId, string email, CancellationToken cancellationToken)
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
                return match;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return null;
    }
}
