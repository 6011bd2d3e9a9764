using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.LocalEngine.Invitations;
using Exclaimer.Reseller.Sdk.LocalEngine.Spf;
using Exclaimer.Reseller.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Sdk.LocalEngine;

/// <summary>
/// The rulebook (R1-R18), once: every operation checks its input, then reads or changes the store in one
/// atomic step that sees the latest data. Nothing here knows how the data is stored or how calls arrive.
/// </summary>
internal sealed class ResellerEngine
{
    private readonly ResellerStore _store;
    private readonly InvitationSender _invitations;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly string? _resellerAdminEmail;
    private readonly string _defaultCountryCode;
    private readonly Uri _portal;

    public ResellerEngine(ResellerStore store, InvitationSender invitations, LocalEngineOptions options, ILogger log)
    {
        _store = store;
        _invitations = invitations;
        _clock = options.TimeProvider ?? TimeProvider.System;
        _log = log;
        _resellerAdminEmail = string.IsNullOrWhiteSpace(options.ResellerAdminEmail)
            ? null
            : SubscriptionRules.EmailAddress(options.ResellerAdminEmail!, nameof(LocalEngineOptions.ResellerAdminEmail), "R4");
        _defaultCountryCode = options.DefaultCountryCode;
        _portal = options.PortalUri;
    }

    public Task<Page<Subscription>> GetSubscriptionsPageAsync(SubscriptionQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(SubscriptionFilter.For(query), continuationToken, pageSize, cancellationToken);

    public Task<Page<Subscription>> GetArchivedSubscriptionsPageAsync(ArchiveQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        PageAsync(SubscriptionFilter.For(query), continuationToken, pageSize, cancellationToken);

    public Task<Subscription> GetSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        _store.ReadAsync(view => Require(view, subscriptionId).Subscription, cancellationToken);

    public async Task<Subscription> CreateSubscriptionAsync(CreateSubscriptionOptions options, CancellationToken cancellationToken)
    {
        var request = SubscriptionRules.ValidateCreate(options, _defaultCountryCode);
        var now = _clock.GetUtcNow();
        var created = await _store.WriteAsync(
            transaction =>
            {
                var id = request.SubscriptionId ?? NewId();
                if (transaction.Find(id) is { } existing)
                {
                    throw RuleErrors.SubscriptionAlreadyExists(existing.Id, existing.Subscription.CustomerName);
                }

                var record = NewSubscription(id, request, now);
                RequireCustomerTotalFits(transaction, record.Subscription);
                transaction.Put(record);
                return record;
            },
            cancellationToken).ConfigureAwait(false);

        EngineLog.Created(_log, created.Id, request.CustomerName, request.Product, request.UserCount);
        if (created.Invitation is null)
        {
            return created.Subscription;
        }

        // The subscription is saved first: an invitation must never go out for a subscription that does not exist.
        // Once saved, the create has happened: the invitation goes out even if the caller cancels now, and a
        // failure to send or to record it shows in InvitationStatus instead of failing the create (R9, R17).
        var (sent, _) = await SendInvitationAsync(created, CancellationToken.None).ConfigureAwait(false);
        return sent.Subscription;
    }

    public async Task<SubscriptionStart> StartSubscriptionAsync(string subscriptionId, DeploymentOptions deployment, CancellationToken cancellationToken)
    {
        var start = await _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                var subscription = record.Subscription;
                if (subscription.Status != SubscriptionStatus.Active)
                {
                    throw ResellerConflictException.InvalidState(subscription, "started", "it is active");
                }

                if (subscription.IsConfigured)
                {
                    // R12: never configure twice; point at where the signature work happens.
                    return new SubscriptionStart
                    {
                        Subscription = subscription,
                        WasAlreadyConfigured = true,
                        Deployment = subscription.Deployment ?? DeploymentOptions.None,
                        HomePage = HomePage(subscription.SubscriptionId),
                    };
                }

                var chosen = SubscriptionRules.Deployment(deployment, subscription.Product);
                var configured = subscription with { Deployment = chosen };
                transaction.Put(record with { Subscription = configured });
                return new SubscriptionStart
                {
                    Subscription = configured,
                    Configured = true,
                    Deployment = chosen,
                    HomePage = HomePage(subscription.SubscriptionId),
                };
            },
            cancellationToken).ConfigureAwait(false);

        if (start.Configured)
        {
            EngineLog.Started(_log, start.Subscription.SubscriptionId, start.Deployment);
        }

        return start;
    }

    public async Task<Subscription> UpdateSubscriptionAsync(string subscriptionId, UpdateSubscriptionOptions options, CancellationToken cancellationToken)
    {
        SubscriptionRules.ValidateUpdate(options);
        var (before, after) = await _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                var subscription = record.Subscription;
                RequireNotArchived(subscription, "changed");
                var changed = subscription with
                {
                    UserCount = options.UserCount ?? subscription.UserCount,
                    CustomerName = options.CustomerName?.Trim() ?? subscription.CustomerName,
                };
                if (changed != subscription)
                {
                    RequireCustomerTotalFits(transaction, changed);
                    transaction.Put(record with { Subscription = changed });
                }

                return (subscription, changed);
            },
            cancellationToken).ConfigureAwait(false);
        if (before != after)
        {
            EngineLog.Changed(_log, after.SubscriptionId, "changed");
        }

        return after;
    }

    public Task<Subscription> ActivateFullSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ChangeAsync(
            subscriptionId,
            "converted to a full subscription",
            subscription =>
            {
                RequireNotArchived(subscription, "converted to a full subscription");
                return subscription with { InTrial = false, TrialEndDate = null };
            },
            cancellationToken);

    public Task<Subscription> SuspendSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ChangeAsync(
            subscriptionId,
            "suspended",
            subscription =>
            {
                RequireNotArchived(subscription, "suspended");
                return subscription with { Status = SubscriptionStatus.Suspended };
            },
            cancellationToken);

    public Task<Subscription> ReactivateSubscriptionAsync(string subscriptionId, bool restartTrial, CancellationToken cancellationToken) =>
        ChangeAsync(
            subscriptionId,
            "reactivated",
            subscription =>
            {
                if (subscription.Status == SubscriptionStatus.Active && restartTrial)
                {
                    throw ResellerConflictException.InvalidState(subscription, "reactivated with a new trial", "it is suspended, cancelled or ended");
                }

                var reactivated = subscription with { Status = SubscriptionStatus.Active, ArchivedDate = null };
                return restartTrial
                    ? reactivated with { InTrial = true, TrialEndDate = _clock.GetUtcNow().AddDays(SubscriptionRules.TrialDays) }
                    : reactivated;
            },
            cancellationToken);

    public Task<Subscription> CancelSubscriptionAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ChangeAsync(
            subscriptionId,
            "cancelled",
            subscription => subscription.IsArchived
                ? subscription

                // R15: cancelling archives; nothing is deleted, and the subscription can be reactivated (R16).
                : subscription with { Status = SubscriptionStatus.Cancelled, ArchivedDate = _clock.GetUtcNow() },
            cancellationToken);

    public Task<SpfRecordUpdate> UpdateSpfRecordAsync(string subscriptionId, SpfRecordOptions options, CancellationToken cancellationToken)
    {
        var sendingDomain = SubscriptionRules.Domain(options.Domain ?? string.Empty, "Domain");
        return _store.ReadAsync(
            view =>
            {
                var subscription = Require(view, subscriptionId).Subscription;
                RequireNotArchived(subscription, "given an SPF record");
                if (options.DataCenter is { } given && given != subscription.DataCenter)
                {
                    throw ResellerValidationException.Invalid("DataCenter", "R14", $"subscription '{subscription.SubscriptionId}' is in data centre {subscription.DataCenter}, not {given}; leave DataCenter out to use its own");
                }

                return SpfProposal.For(subscription, subscription.DataCenter, sendingDomain, options.CurrentRecord);
            },
            cancellationToken);
    }

    public Task<Page<SubscriptionUser>> GetSubscriptionUsersPageAsync(string subscriptionId, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var start = PagePosition.Parse(continuationToken);
        return _store.ReadAsync(
            view =>
            {
                var users = Require(view, subscriptionId).Users;
                var end = Math.Min(users.Count, start + pageSize);
                var page = users.Skip(start).Take(end - start).ToArray();
                return Page<SubscriptionUser>.FromValues(page, PagePosition.Next(end, users.Count));
            },
            cancellationToken);
    }

    public async Task<SubscriptionUser> AddSubscriptionUserAsync(string subscriptionId, string emailAddress, IReadOnlyList<SubscriptionRole> roles, CancellationToken cancellationToken)
    {
        var email = SubscriptionRules.EmailAddress(emailAddress, "EmailAddress", "R10");
        var granted = SubscriptionRules.Roles(roles, defaultToAdmin: true);
        var user = await _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                RequireNotArchived(record.Subscription, "given users");
                if (FindUser(record, email) is { } existing)
                {
                    throw RuleErrors.UserAlreadyExists(existing.EmailAddress, record.Id);
                }

                var added = new SubscriptionUser { SubscriptionId = record.Id, EmailAddress = email, UserId = SubscriptionRules.NewUserId(), Roles = granted };
                transaction.Put(record with { Users = record.Users.Concat(new[] { added }).ToArray() });
                return added;
            },
            cancellationToken).ConfigureAwait(false);
        EngineLog.UserAdded(_log, string.Join(",", granted), user.SubscriptionId);
        return user;
    }

    public Task<SubscriptionUser> SetSubscriptionUserRolesAsync(string subscriptionId, string emailAddress, IReadOnlyList<SubscriptionRole> roles, CancellationToken cancellationToken)
    {
        var email = SubscriptionRules.EmailAddress(emailAddress, "EmailAddress", "R10");
        var granted = SubscriptionRules.Roles(roles, defaultToAdmin: false);
        return _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                RequireNotArchived(record.Subscription, "given users");
                var user = RequireUser(record, email);
                if (user.IsOwner && !granted.Contains(SubscriptionRole.Admin))
                {
                    throw RuleErrors.OwnerMustKeepAdmin(user.EmailAddress, record.Id);
                }

                var changed = user with { Roles = granted };
                transaction.Put(record with { Users = record.Users.Select(u => ReferenceEquals(u, user) ? changed : u).ToArray() });
                return changed;
            },
            cancellationToken);
    }

    public async Task RemoveSubscriptionUserAsync(string subscriptionId, string emailAddress, CancellationToken cancellationToken)
    {
        var email = SubscriptionRules.EmailAddress(emailAddress, "EmailAddress", "R10");
        await _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                RequireNotArchived(record.Subscription, "given users");
                var user = RequireUser(record, email);
                if (user.IsOwner)
                {
                    throw RuleErrors.OwnerCannotBeRemoved(user.EmailAddress, record.Id);
                }

                transaction.Put(record with { Users = record.Users.Where(u => !ReferenceEquals(u, user)).ToArray() });
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        EngineLog.UserRemoved(_log, subscriptionId);
    }

    public Task<Page<Customer>> GetCustomersPageAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var start = PagePosition.Parse(continuationToken);
        return _store.ReadAsync(
            view =>
            {
                var customers = new List<Customer>();
                var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                foreach (var subscription in view.Subscriptions.Select(record => record.Subscription))
                {
                    var id = subscription.CustomerId ?? subscription.SubscriptionId;
                    if (!positions.TryGetValue(id, out var position))
                    {
                        position = customers.Count;
                        positions.Add(id, position);
                        customers.Add(new Customer { CustomerId = id, CompanyName = subscription.CustomerName, CountryCode = subscription.CountryCode, SubscriptionCount = 0, UserCount = 0 });
                    }

                    if (!subscription.IsArchived)
                    {
                        var customer = customers[position];
                        customers[position] = customer with
                        {
                            SubscriptionCount = customer.SubscriptionCount + 1,
                            // Saturates rather than wraps: a store written before the total was checked may hold more (R17).
                            UserCount = (int)Math.Min(int.MaxValue, (long)customer.UserCount!.Value + subscription.UserCount),
                        };
                    }
                }

                var end = Math.Min(customers.Count, start + pageSize);
                return Page<Customer>.FromValues(customers.Skip(start).Take(end - start).ToArray(), PagePosition.Next(end, customers.Count));
            },
            cancellationToken);
    }

    public async Task<Invitation> ResendInvitationAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var record = await _store.ReadAsync(view => Require(view, subscriptionId), cancellationToken).ConfigureAwait(false);
        RequireNotArchived(record.Subscription, "sent an invitation");
        if (record.Invitation is null)
        {
            throw new ResellerValidationException("SubscriptionId", "R4", $"Subscription '{record.Id}' has no customer access, so its customer gets no login and no email (R4).", "NoCustomerAccess")
            {
                Target = record.Id,
            };
        }

        if (record.Invitation.Status == InvitationStatus.Accepted)
        {
            throw new ResellerConflictException("InvitationAccepted", $"The customer of subscription '{record.Id}' has already accepted the invitation.") { Target = record.Id };
        }

        var (sent, failure) = await SendInvitationAsync(record, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            throw new ResellerException(502, "InvitationNotSent", $"The invitation for subscription '{record.Id}' could not be sent ({failure.GetType().Name}); try again later.", failure) { Target = record.Id };
        }

        return sent.Invitation!;
    }

    private async Task<Page<Subscription>> PageAsync(SubscriptionFilter filter, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var start = PagePosition.Parse(continuationToken);
        return await _store.ReadAsync(
            view =>
            {
                var all = view.Subscriptions;
                var page = new List<Subscription>(Math.Min(pageSize, 64));
                var position = start;
                for (; position < all.Count && page.Count < pageSize; position++)
                {
                    var subscription = all[position].Subscription;
                    if (filter.Matches(subscription))
                    {
                        page.Add(subscription);
                    }
                }

                return Page<Subscription>.FromValues(page, PagePosition.Next(position, all.Count));
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<Subscription> ChangeAsync(string subscriptionId, string action, Func<Subscription, Subscription> change, CancellationToken cancellationToken)
    {
        var (before, after) = await _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                var changed = change(record.Subscription);
                if (changed != record.Subscription)
                {
                    transaction.Put(record with { Subscription = changed });
                }

                return (record.Subscription, changed);
            },
            cancellationToken).ConfigureAwait(false);

        if (before != after)
        {
            EngineLog.Changed(_log, after.SubscriptionId, action);
        }

        return after;
    }

    /// <summary>Sends (or re-sends) the invitation and records the outcome; the link is made here and never stored or logged (R18).</summary>
    private async Task<(StoredSubscription Record, Exception? Failure)> SendInvitationAsync(StoredSubscription record, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var message = InvitationLetter.Compose(record.Subscription, _portal, now);
        var outcome = InvitationStatus.Pending;
        Exception? failure = null;
        try
        {
            await _invitations.SendAsync(message, cancellationToken).ConfigureAwait(false);
            EngineLog.InvitationSent(_log, record.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = InvitationStatus.Failed;
            failure = ex;
            EngineLog.InvitationFailed(_log, record.Id, ex.GetType().Name);
        }

        StoredSubscription Record(StoredSubscription latest)
        {
            var invitation = (latest.Invitation ?? new Invitation { SubscriptionId = latest.Id, EmailAddress = message.ToAddress }) with
            {
                Status = outcome,
                SentDate = outcome == InvitationStatus.Pending ? now : latest.Invitation?.SentDate,
                SendCount = (latest.Invitation?.SendCount ?? 0) + (outcome == InvitationStatus.Pending ? 1 : 0),
            };
            return latest with { Invitation = invitation, Subscription = latest.Subscription with { InvitationStatus = outcome } };
        }

        StoredSubscription updated;
        try
        {
            updated = await _store.WriteAsync(
                transaction =>
                {
                    var next = Record(Require(transaction, record.Id));
                    transaction.Put(next);
                    return next;
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (ResellerStoreException ex)
        {
            // The message went out (or not) either way; the stored status just stays as it was.
            EngineLog.InvitationNotRecorded(_log, record.Id, ex.ErrorCode);
            updated = Record(record);
        }

        return (updated, failure);
    }

    private StoredSubscription NewSubscription(string id, ValidatedCreate request, DateTimeOffset now)
    {
        var ownerEmail = request.AllowCustomerEditing ? request.ContactEmail : _resellerAdminEmail;
        var subscription = new Subscription
        {
            SubscriptionId = id,
            CustomerName = request.CustomerName,
            CustomerId = request.Domain ?? CustomerSlug(request.CustomerName),
            Sku = SubscriptionSku.For(request.Product, request.Tier),
            Tier = request.Tier,
            UserCount = request.UserCount,
            Status = SubscriptionStatus.Active,
            InTrial = !request.SkipTrial,
            TrialEndDate = request.SkipTrial ? null : now.AddDays(SubscriptionRules.TrialDays),
            StartDate = now,
            DataCenter = request.DataCenter,
            CountryCode = request.CountryCode,
            Domain = request.Domain,
            AllowCustomerEditing = request.AllowCustomerEditing,
            ContactName = request.ContactName,
            ContactEmail = request.ContactEmail,
            // Not sent yet: a process that stops before sending leaves Failed, which asks for a resend (R6).
            InvitationStatus = request.AllowCustomerEditing ? InvitationStatus.Failed : InvitationStatus.None,
            Deployment = DeploymentOptions.None,
        };

        var users = new List<SubscriptionUser>();
        if (ownerEmail is not null)
        {
            var owner = new SubscriptionUser { SubscriptionId = id, EmailAddress = ownerEmail, UserId = SubscriptionRules.NewUserId(), Roles = new[] { SubscriptionRole.Admin }, IsOwner = true };
            users.Add(owner);
            subscription = subscription with { OwnerUserId = owner.UserId };
        }

        return new StoredSubscription
        {
            Subscription = subscription,
            Users = users,
            Invitation = request.AllowCustomerEditing
                ? new Invitation { SubscriptionId = id, EmailAddress = request.ContactEmail!, Status = InvitationStatus.Failed, SendCount = 0 }
                : null,
        };
    }

    /// <summary>
    /// Refuses a user count that would make the customer's total pass what a count can hold (R17): the overview and
    /// the customer list add them up, and a total that wraps round would report nonsense.
    /// </summary>
    private static void RequireCustomerTotalFits(IResellerStoreView view, Subscription changed)
    {
        long total = changed.UserCount;
        foreach (var record in view.Subscriptions)
        {
            var other = record.Subscription;
            if (!other.IsArchived && !string.Equals(other.SubscriptionId, changed.SubscriptionId, StringComparison.OrdinalIgnoreCase)
                && string.Equals(other.CustomerId, changed.CustomerId, StringComparison.OrdinalIgnoreCase))
            {
                total += other.UserCount;
            }
        }

        if (total > int.MaxValue)
        {
            throw ResellerValidationException.Invalid("UserCount", "R17", $"customer '{changed.CustomerName}' would have {total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} users across their subscriptions, more than a total can hold");
        }
    }

    private Uri HomePage(string subscriptionId) => new(_portal, "subscriptions/" + Uri.EscapeDataString(subscriptionId) + "/home");

    private static StoredSubscription Require(IResellerStoreView view, string subscriptionId) =>
        view.Find(subscriptionId) ?? throw ResellerNotFoundException.Subscription(subscriptionId);

    private static void RequireNotArchived(Subscription subscription, string action)
    {
        if (subscription.IsArchived)
        {
            throw ResellerConflictException.InvalidState(subscription, action, "it is not archived; reactivate it first (R16)");
        }
    }

    private static SubscriptionUser? FindUser(StoredSubscription record, string email) =>
        record.Users.FirstOrDefault(user => user.EmailAddress.Equals(email, StringComparison.OrdinalIgnoreCase));

    private static SubscriptionUser RequireUser(StoredSubscription record, string email) =>
        FindUser(record, email) ?? throw RuleErrors.UserNotFound(email, record.Id);

    private static string NewId() => Guid.NewGuid().ToString("N");


    /// <summary>A customer without a domain is identified by their name, so their subscriptions group together.</summary>
    private static string CustomerSlug(string name)
    {
        var slug = new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        while (slug.Contains("--"))
        {
            slug = slug.Replace("--", "-");
        }

        return slug.Trim('-') is { Length: > 0 } trimmed ? trimmed : "customer";
    }
}
