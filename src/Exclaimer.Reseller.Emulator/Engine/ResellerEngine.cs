using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Contract;
using Exclaimer.Reseller.Emulator.Http;
using Exclaimer.Reseller.Emulator.Invitations;
using Exclaimer.Reseller.Emulator.Storage;
using Microsoft.Extensions.Logging;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <summary>
/// The server's rules (R1-R18 on the server's side), once: what a request may change given what exists (ids unique,
/// the owner rules, archived subscriptions frozen, the trial, invitations), read and written in one atomic step of the
/// store that sees the latest data. The contract-level checks of each body (required fields, formats) run here too, so
/// any client gets the API's answers; the caller-facing input rules live in the SDK's client.
/// </summary>
internal sealed partial class ResellerEngine
{
    /// <summary>The automatic trial's length (R7; the Cloud API's <c>TrialDays</c> 0 means 14).</summary>
    public const int DefaultTrialDays = 14;

    /// <summary>The billing currency when a create names none, as the API's (it cannot change later).</summary>
    public const string DefaultCurrency = "GBP";

    private const int MaxSubscriptionIdLength = 50;
    private const int MaxNameLength = 100;

    private static readonly string[] OwnerRoles = { "Admin" };
    private static readonly char[] NotInIds = { '/', '\\', '?', '#' };

    private readonly ResellerStore _store;
    private readonly InvitationSender _invitations;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;
    private readonly Uri _portal;
    private readonly PartnerSettings _partner;

    public ResellerEngine(ResellerStore store, InvitationSender invitations, TimeProvider clock, Uri portal, ILogger log, PartnerSettings? partner = null)
    {
        _store = store;
        _invitations = invitations;
        _clock = clock;
        _portal = portal;
        _log = log;
        _partner = partner ?? PartnerSettings.Default;
    }

    public TimeProvider Clock => _clock;

    public Task<StoredSubscription> GetAsync(string subscriptionId, CancellationToken cancellationToken) =>
        _store.ReadAsync(view => Require(view, subscriptionId), cancellationToken);

    /// <summary>
    /// A page of subscriptions in creation order (R2); positions never move, because nothing is deleted (R15), and a record a
    /// claim moved away is never listed (R21). <paramref name="start"/> is a position in creation order when it comes from
    /// a continuation token (<paramref name="startIsPosition"/>), else the number of listed subscriptions to skip (a
    /// <c>Page</c> number). The walk stops once the page is full and the next one is found: the built-in stores keep the
    /// total as a running count, so the first page of 10,000 costs the page, not the store.
    /// </summary>
    public Task<(IReadOnlyList<StoredSubscription> Items, int Total, int? Next)> ListAsync(bool activeOnly, int start, bool startIsPosition, int pageSize, CancellationToken cancellationToken) =>
        _store.ReadAsync(
            view =>
            {
                var all = view.Subscriptions;
                var total = view is ISubscriptionCounts counts ? (activeOnly ? counts.ActiveCount : counts.ListedCount) : all.Count(record => Listed(record, activeOnly));
                var page = new List<StoredSubscription>(Math.Min(pageSize, 64));
                var skip = startIsPosition ? 0 : start;
                for (var position = startIsPosition ? Math.Max(start, 0) : 0; position < all.Count; position++)
                {
                    var record = all[position];
                    if (!Listed(record, activeOnly))
                    {
                        continue;
                    }

                    if (skip > 0)
                    {
                        skip--;
                    }
                    else if (page.Count < pageSize)
                    {
                        page.Add(record);
                    }
                    else
                    {
                        return ((IReadOnlyList<StoredSubscription>)page, total, (int?)position);
                    }
                }

                return ((IReadOnlyList<StoredSubscription>)page, total, (int?)null);
            },
            cancellationToken);

    private static bool Listed(StoredSubscription record, bool activeOnly) =>
        !record.IsMovedAway && (!activeOnly || SubscriptionStates.IsActive(record.Subscription.Status));

    public async Task<StoredSubscription> CreateAsync(AddSubscriptionBody body, CancellationToken cancellationToken)
    {
        // Unlike the Cloud API, and like the portal, the emulator takes a subscription without an owner (EmailAddress) or a
        // customer domain (EndUser.Domain): the embedded default of 0.1.0 did (docs/emulator.md, "Where it differs").
        var missing = new List<string>();
        if (body.MailboxCount is null)
        {
            missing.Add("MailboxCount");
        }

        if (string.IsNullOrWhiteSpace(body.CountryCode))
        {
            missing.Add("CountryCode");
        }

        if (string.IsNullOrWhiteSpace(body.Sku))
        {
            missing.Add("SKU");
        }


        if (missing.Count > 0)
        {
            throw ApiProblem.Missing(missing.ToArray());
        }

        var (product, tier, nfr) = ContractValues.Sku(body.Sku!);
        if (nfr)
        {
            throw ApiProblem.BadRequest("SKU", "a not-for-resale SKU needs NumberOfNFRUsers, which this emulator does not take on create");
        }

        RequireSoldByPartner(tier, "SKU");
        if (_partner.Kind == EmulatorPartnerKind.Reseller && string.IsNullOrWhiteSpace(body.Reseller?.Domain))
        {
            // Only Marketplace partners may leave out the reseller (openapi.json, AddSubscriptionV2).
            throw ApiProblem.Missing("Reseller.Domain");
        }

        var id = body.SubscriptionId is null ? NewId(30) : Id(body.SubscriptionId);
        var owner = string.IsNullOrWhiteSpace(body.EmailAddress) ? null : Email(body.EmailAddress!, "EmailAddress");
        var ownerId = owner is null ? null : body.UserId is null ? NewId(30) : UserId(body.UserId, "UserID");
        var count = MailboxCount(body.MailboxCount!.Value);
        var country = Country(body.CountryCode!, "CountryCode");
        var dataCenter = string.IsNullOrWhiteSpace(body.DataCenter) ? DataCenterDefaults.ForCountry(country) : ContractValues.DataCenter(body.DataCenter!);
        var currency = body.CurrencyCode is null ? DefaultCurrency : Currency(body.CurrencyCode);
        var billingGroup = body.BillingGroup is null ? null : Name(body.BillingGroup, "BillingGroup");
        var endUser = body.EndUser ?? new AddSubscriptionEndUserBody();
        var domain = string.IsNullOrWhiteSpace(endUser.Domain) ? null : Domain(endUser.Domain!, "EndUser.Domain");
        var name = body.SubscriptionName is not null ? Name(body.SubscriptionName, "SubscriptionName")
            : domain ?? throw ApiProblem.Missing("SubscriptionName");
        var trialDays = body.TrialDays is null or 0 ? DefaultTrialDays : body.TrialDays.Value is > 0 and <= 365 ? body.TrialDays.Value : throw ApiProblem.BadRequest("TrialDays", "use 0 (the default 14 days) to 365");
        var inTrial = body.SkipTrial != true;
        var customerAccess = body.SendWelcomeEmailToCustomer != false && owner is not null;
        var contactName = ContactName(endUser);
        var contactEmail = string.IsNullOrWhiteSpace(endUser.EmailAddress) ? (customerAccess ? owner : null) : Email(endUser.EmailAddress!, "EndUser.EmailAddress");
        var now = _clock.GetUtcNow();

        var created = await _store.WriteAsync(
            transaction =>
            {
                if (transaction.Find(id) is not null)
                {
                    // R9: an id in use is a refusal, never a second subscription.
                    throw ApiProblem.Refused($"SubscriptionID '{id}' is already in use.");
                }

                var details = new StoredSubscriptionDetails
                {
                    SubscriptionId = id,
                    Name = name,
                    EndUserId = domain ?? CustomerSlug(name),
                    UserId = ownerId,
                    Sku = $"EXCL-{product}-{body.Sku!.Trim().ToUpperInvariant().Split('-')[2]}",
                    Tier = tier,
                    NumberOfUsers = count,
                    Status = SubscriptionStates.Active,
                    InTrial = inTrial,
                    TrialEndDate = inTrial ? now.AddDays(trialDays) : null,
                    StartDate = now,
                    Currency = currency,
                    BillingGroup = billingGroup,
                    DataCenter = dataCenter,
                    CountryCode = country,
                    Domain = domain,
                    AllowCustomerEditing = customerAccess,
                    ContactName = contactName,
                    ContactEmail = contactEmail,

                    // Not sent yet: a process that stops before sending leaves Failed, which asks for a resend (R6).
                    InvitationStatus = customerAccess ? InvitationStates.Failed : InvitationStates.None,
                    Deployment = "None",
                };
                RequireCustomerTotalFits(transaction, details);
                RequireWithinAllocation(transaction, details);
                var record = new StoredSubscription
                {
                    Subscription = details,
                    Users = owner is null ? Array.Empty<StoredUser>() : new[] { new StoredUser { SubscriptionId = id, Email = owner, UserId = ownerId, Roles = OwnerRoles, IsOwner = true } },
                    Invitation = customerAccess ? new StoredInvitation { SubscriptionId = id, EmailAddress = owner!, Status = InvitationStates.Failed, SendCount = 0 } : null,
                };
                transaction.Put(record);
                return record;
            },
            cancellationToken).ConfigureAwait(false);

        EngineLog.Created(_log, created.Id, created.Subscription.Sku ?? string.Empty, count);
        if (created.Invitation is null)
        {
            return created;
        }

        // The subscription is saved first: an invitation must never go out for a subscription that does not exist.
        // Once saved, the create has happened: the invitation goes out even if the caller cancels now, and a failure to
        // send or to record it shows in InvitationStatus instead of failing the create (R9, R17).
        var (sent, _) = await SendInvitationAsync(created, CancellationToken.None).ConfigureAwait(false);
        return sent;
    }

    public Task<StoredSubscription> RenameAsync(string subscriptionId, UpdateDetailsBody body, CancellationToken cancellationToken)
    {
        if (body.CurrencyCode is not null)
        {
            throw ApiProblem.BadRequest("CurrencyCode", "the billing currency is set when a subscription is created and cannot change");
        }

        if (body.SubscriptionName is null)
        {
            throw ApiProblem.Missing("SubscriptionName");
        }

        var name = Name(body.SubscriptionName, "SubscriptionName");
        return ChangeAsync(subscriptionId, "renamed", s => RequireNotArchived(s, "renamed") with { Name = name }, cancellationToken);
    }

    public Task<StoredSubscription> SetMailboxCountAsync(string subscriptionId, MailboxCountBody body, CancellationToken cancellationToken)
    {
        var count = MailboxCount(body.MailboxCount ?? throw ApiProblem.Missing("MailboxCount"));
        return ChangeRecordAsync(
            subscriptionId,
            "given a new user count",
            (transaction, record) =>
            {
                RequireNotArchived(record.Subscription, "changed");
                if (record.Usage is { MailboxCount: var imprinted } && count < imprinted)
                {
                    // R23: new partner accounts cannot license fewer mailboxes than were imprinted in the last 30 days.
                    throw ApiProblem.BadRequest("MailboxCount", $"it is {count}, below the {imprinted} mailboxes imprinted in the last 30 days");
                }

                var changed = record with { Subscription = record.Subscription with { NumberOfUsers = count } };
                RequireWithinAllocation(transaction, changed.Subscription);
                return changed;
            },
            cancellationToken);
    }

    public Task<StoredSubscription> ActivateFullAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ChangeAsync(subscriptionId, "converted to a full subscription", s => RequireNotArchived(s, "converted to a full subscription") with { InTrial = false, TrialEndDate = null }, cancellationToken);

    public Task<StoredSubscription> DeactivateAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ChangeAsync(subscriptionId, "suspended", s => RequireNotArchived(s, "suspended") with { Status = SubscriptionStates.Suspended }, cancellationToken);

    public Task<StoredSubscription> EndAsync(string subscriptionId, CancellationToken cancellationToken) =>
        ChangeAsync(
            subscriptionId,
            "cancelled",

            // R15: cancelling archives; nothing is deleted, and the subscription can be reactivated (R16). Repeating it changes nothing.
            s => SubscriptionStates.IsArchived(s.Status) ? s : s with { Status = SubscriptionStates.Cancelled, ArchivedDate = _clock.GetUtcNow() },
            cancellationToken);

    public Task<StoredSubscription> ReactivateAsync(string subscriptionId, ReactivateBody body, CancellationToken cancellationToken)
    {
        var restartTrial = body.InTrial == true;
        return ChangeAsync(
            subscriptionId,
            "reactivated",
            s =>
            {
                if (restartTrial && s.Status == SubscriptionStates.Active)
                {
                    throw ApiProblem.Refused($"Subscription '{s.SubscriptionId}' is active; only a suspended, cancelled or ended one can start a new trial.");
                }

                var reactivated = s with { Status = SubscriptionStates.Active, ArchivedDate = null };
                return restartTrial ? reactivated with { InTrial = true, TrialEndDate = _clock.GetUtcNow().AddDays(DefaultTrialDays) } : reactivated;
            },
            cancellationToken);
    }

    /// <summary>The emulator's start (R11, R12): configures the deployment the first time; afterwards points at the home page.</summary>
    public async Task<(StoredSubscription Record, bool Configured)> StartAsync(string subscriptionId, StartBody body, CancellationToken cancellationToken)
    {
        var result = await _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                var subscription = record.Subscription;
                if (subscription.Status != SubscriptionStates.Active)
                {
                    throw ApiProblem.Refused($"Subscription '{subscription.SubscriptionId}' is {subscription.Status}; only an active subscription can be started.");
                }

                if (IsConfigured(subscription))
                {
                    // R12: never configure twice.
                    return (record, false);
                }

                var deployment = ContractValues.Deployment(body.Deployment, ProductOf(subscription));
                var configured = record with { Subscription = subscription with { Deployment = deployment } };
                transaction.Put(configured);
                return (configured, true);
            },
            cancellationToken).ConfigureAwait(false);

        if (result.Item2)
        {
            EngineLog.Started(_log, result.Item1.Id, result.Item1.Subscription.Deployment ?? string.Empty);
        }

        return result;
    }

    public Uri HomePage(string subscriptionId) => new(_portal, "subscriptions/" + Uri.EscapeDataString(subscriptionId) + "/home");

    public Task<(IReadOnlyList<StoredUser> Items, int Total, int? Next)> ListUsersAsync(string subscriptionId, int start, int pageSize, CancellationToken cancellationToken) =>
        _store.ReadAsync(
            view =>
            {
                var users = Require(view, subscriptionId).Users;
                var end = Math.Min(users.Count, start + pageSize);
                var page = users.Skip(start).Take(Math.Max(0, end - start)).ToArray();
                return ((IReadOnlyList<StoredUser>)page, users.Count, end < users.Count ? end : (int?)null);
            },
            cancellationToken);

    public async Task AddUserAsync(string subscriptionId, AddUserBody body, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(body.UserId))
        {
            missing.Add("UserID");
        }

        if (string.IsNullOrWhiteSpace(body.EmailAddress))
        {
            missing.Add("EmailAddress");
        }

        if (body.Roles is null || body.Roles.Count == 0)
        {
            missing.Add("Roles");
        }

        if (missing.Count > 0)
        {
            throw ApiProblem.Missing(missing.ToArray());
        }

        var userId = UserId(body.UserId!, "UserID");
        var email = Email(body.EmailAddress!, "EmailAddress");
        var roles = ContractValues.Roles(body.Roles);
        await _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                RequireNotArchived(record.Subscription, "given users");
                if (FindUser(record, email) is not null)
                {
                    throw ApiProblem.Refused($"{email} is already a user of subscription '{record.Id}'.");
                }

                if (record.Users.Any(user => string.Equals(user.UserId, userId, StringComparison.Ordinal)))
                {
                    throw ApiProblem.Refused($"UserID '{userId}' is already in use on subscription '{record.Id}'.");
                }

                var added = new StoredUser { SubscriptionId = record.Id, Email = email, UserId = userId, Roles = roles };
                transaction.Put(record with { Users = record.Users.Concat(new[] { added }).ToArray() });
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        EngineLog.UserAdded(_log, string.Join(",", roles), subscriptionId);
    }

    public Task SetRolesAsync(string subscriptionId, string userId, RolesBody body, CancellationToken cancellationToken)
    {
        var roles = ContractValues.Roles(body.Roles);
        return _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                RequireNotArchived(record.Subscription, "given users");
                var user = record.Users.FirstOrDefault(u => string.Equals(u.UserId, userId, StringComparison.Ordinal))
                    ?? throw ApiProblem.NotFound($"Subscription '{record.Id}' has no user with UserID '{userId}'.");
                if (user.IsOwner && !roles.Contains("Admin"))
                {
                    // R10: the owner always keeps Admin (the API answers 403).
                    throw ApiProblem.Forbidden($"{user.Email} owns subscription '{record.Id}' and always keeps Admin.");
                }

                var changed = user with { Roles = roles };
                transaction.Put(record with { Users = record.Users.Select(u => ReferenceEquals(u, user) ? changed : u).ToArray() });
                return true;
            },
            cancellationToken);
    }

    public async Task RemoveUserAsync(string subscriptionId, string userIdOrEmail, CancellationToken cancellationToken)
    {
        await _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                RequireNotArchived(record.Subscription, "given users");
                var user = record.Users.FirstOrDefault(u => string.Equals(u.UserId, userIdOrEmail, StringComparison.Ordinal))
                    ?? FindUser(record, userIdOrEmail)
                    ?? throw ApiProblem.NotFound($"{userIdOrEmail} is not a user of subscription '{record.Id}'.");
                if (user.IsOwner)
                {
                    // R10: the owner cannot be removed (the API answers 403).
                    throw ApiProblem.Forbidden($"{user.Email} owns subscription '{record.Id}' and cannot be removed.");
                }

                transaction.Put(record with { Users = record.Users.Where(u => !ReferenceEquals(u, user)).ToArray() });
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        EngineLog.UserRemoved(_log, subscriptionId);
    }

    /// <summary>
    /// The partner's customers (the contract's end users), with their current subscriptions and users (an extension), in
    /// the order they were added, as the API orders them: a stored end user when it was stored, a customer only
    /// subscriptions name (every create's, identified by its domain or name) when its first subscription was created (R22).
    /// </summary>
    public Task<(IReadOnlyList<EndUserAnswer> Items, int Total, int? Next)> ListEndUsersAsync(int start, int pageSize, CancellationToken cancellationToken) =>
        _store.ReadAsync(
            view =>
            {
                var customers = new List<(DateTimeOffset Added, EndUserAnswer Answer)>();
                var positions = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                foreach (var record in view.Subscriptions)
                {
                    var subscription = record.Subscription;
                    if (record.IsMovedAway || string.IsNullOrEmpty(subscription.EndUserId))
                    {
                        continue;
                    }

                    var id = subscription.EndUserId!;
                    if (!positions.TryGetValue(id, out var position))
                    {
                        position = customers.Count;
                        positions.Add(id, position);
                        var stored = view.FindEndUser(id);
                        customers.Add((
                            stored?.CreatedDate ?? subscription.StartDate ?? DateTimeOffset.MinValue,
                            new EndUserAnswer { EndUserId = stored?.EndUserId ?? id, CompanyName = stored?.CompanyName ?? subscription.Name, CountryCode = CountryCodes.Alpha3OrSelf(stored?.CountryCode ?? subscription.CountryCode), SubscriptionCount = 0, UserCount = 0 }));
                    }

                    if (!SubscriptionStates.IsArchived(subscription.Status))
                    {
                        var customer = customers[position].Answer;
                        customer.SubscriptionCount++;

                        // Saturates rather than wraps: a store written before the total was checked may hold more (R17).
                        customer.UserCount = (int)Math.Min(int.MaxValue, (long)customer.UserCount!.Value + subscription.NumberOfUsers);
                    }
                }

                foreach (var endUser in view.EndUsers)
                {
                    if (!positions.ContainsKey(endUser.EndUserId))
                    {
                        positions.Add(endUser.EndUserId, customers.Count);
                        customers.Add((endUser.CreatedDate ?? DateTimeOffset.MinValue, new EndUserAnswer { EndUserId = endUser.EndUserId, CompanyName = endUser.CompanyName, CountryCode = CountryCodes.Alpha3OrSelf(endUser.CountryCode), SubscriptionCount = 0, UserCount = 0 }));
                    }
                }

                // Stable: customers added at the same moment keep the order above.
                var ordered = customers.OrderBy(c => c.Added).Select(c => c.Answer).ToArray();
                var end = Math.Min(ordered.Length, start + pageSize);
                var page = ordered.Skip(start).Take(Math.Max(0, end - start)).ToArray();
                return ((IReadOnlyList<EndUserAnswer>)page, ordered.Length, end < ordered.Length ? end : (int?)null);
            },
            cancellationToken);

    /// <summary>Sends the invitation again (R6; an emulator extension). Refused without customer access, once accepted, or when archived.</summary>
    public async Task<(StoredSubscription Record, Exception? Failure)> ResendInvitationAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var record = await GetAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
        RequireNotArchived(record.Subscription, "sent an invitation");
        if (record.Invitation is null)
        {
            throw ApiProblem.Refused($"Subscription '{record.Id}' has no customer access, so its customer gets no login and no email (R4).");
        }

        if (record.Invitation.Status == InvitationStates.Accepted)
        {
            throw ApiProblem.Refused($"The customer of subscription '{record.Id}' has already accepted the invitation.");
        }

        return await SendInvitationAsync(record, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StoredSubscription> ChangeAsync(string subscriptionId, string action, Func<StoredSubscriptionDetails, StoredSubscriptionDetails> change, CancellationToken cancellationToken)
    {
        var (before, after) = await _store.WriteAsync(
            transaction =>
            {
                var record = Require(transaction, subscriptionId);
                var changed = change(record.Subscription);
                if (changed == record.Subscription)
                {
                    return (record, record);
                }

                if (changed.NumberOfUsers != record.Subscription.NumberOfUsers
                    || (SubscriptionStates.IsArchived(record.Subscription.Status) && !SubscriptionStates.IsArchived(changed.Status)))
                {
                    RequireCustomerTotalFits(transaction, changed);
                }

                var updated = record with { Subscription = changed };
                transaction.Put(updated);
                return (record, updated);
            },
            cancellationToken).ConfigureAwait(false);

        if (!ReferenceEquals(before, after))
        {
            EngineLog.Changed(_log, after.Id, action);
        }

        return after;
    }

    /// <summary>Sends (or re-sends) the invitation and records the outcome; the link is made here and never stored or logged (R18).</summary>
    private async Task<(StoredSubscription Record, Exception? Failure)> SendInvitationAsync(StoredSubscription record, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var message = InvitationLetter.Compose(record.Subscription, _portal, now);
        var outcome = InvitationStates.Pending;
        Exception? failure = null;
        try
        {
            await _invitations.SendAsync(message, cancellationToken).ConfigureAwait(false);
            EngineLog.InvitationSent(_log, record.Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = InvitationStates.Failed;
            failure = ex;
            EngineLog.InvitationFailed(_log, record.Id, ex.GetType().Name);
        }

        StoredSubscription Record(StoredSubscription latest)
        {
            var sent = outcome == InvitationStates.Pending;
            var invitation = (latest.Invitation ?? new StoredInvitation { SubscriptionId = latest.Id, EmailAddress = message.ToAddress }) with
            {
                Status = outcome,
                SentDate = sent ? now : latest.Invitation?.SentDate,
                SendCount = (latest.Invitation?.SendCount ?? 0) + (sent ? 1 : 0),
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
        catch (Sdk.ResellerStoreException ex)
        {
            // The message went out (or not) either way; the stored status just stays as it was.
            EngineLog.InvitationNotRecorded(_log, record.Id, ex.ErrorCode);
            updated = Record(record);
        }

        return (updated, failure);
    }

    /// <summary>
    /// Refuses a user count that would make the customer's total pass what a count can hold (R17): the customer list
    /// adds them up, and a total that wraps round would report nonsense.
    /// </summary>
    private static void RequireCustomerTotalFits(IResellerStoreView view, StoredSubscriptionDetails changed)
    {
        if (changed.EndUserId is not { } customer || SubscriptionStates.IsArchived(changed.Status))
        {
            return;
        }

        // The others' users: kept as a running total by the built-in stores' views, walked for any other store.
        var others = view is ICustomerUserTotals totals
            ? totals.ActiveUsersOf(customer) - CustomerUsers.Of(view.Find(changed.SubscriptionId), customer)
            : view.Subscriptions.Where(record => !string.Equals(record.Id, changed.SubscriptionId, StringComparison.OrdinalIgnoreCase)).Sum(record => CustomerUsers.Of(record, customer));
        var total = others + changed.NumberOfUsers;
        if (total > int.MaxValue)
        {
            throw ApiProblem.BadRequest("MailboxCount", $"customer '{customer}' would have {total.ToString("N0", CultureInfo.InvariantCulture)} users across their subscriptions, more than a total can hold");
        }
    }

    /// <summary>The subscription with this id; one a claim moved to another id no longer answers under the old one (R21).</summary>
    private static StoredSubscription Require(IResellerStoreView view, string subscriptionId) =>
        view.Find(subscriptionId) is { IsMovedAway: false } record ? record : throw ApiProblem.SubscriptionNotFound(subscriptionId);

    private static StoredSubscriptionDetails RequireNotArchived(StoredSubscriptionDetails subscription, string action) =>
        SubscriptionStates.IsArchived(subscription.Status)
            ? throw ApiProblem.Refused($"Subscription '{subscription.SubscriptionId}' is {subscription.Status}; it cannot be {action} until it is reactivated.")
            : subscription;

    private static StoredUser? FindUser(StoredSubscription record, string email) =>
        record.Users.FirstOrDefault(user => user.Email.Equals(email, StringComparison.OrdinalIgnoreCase));

    internal static bool IsConfigured(StoredSubscriptionDetails subscription) =>
        !string.IsNullOrEmpty(subscription.Deployment) && !string.Equals(subscription.Deployment, "None", StringComparison.OrdinalIgnoreCase);

    internal static string ProductOf(StoredSubscriptionDetails subscription) =>
        subscription.Sku is { Length: > 6 } sku && sku[5] == 'G' ? ContractValues.GoogleWorkspace : ContractValues.Microsoft365;

    private static string? ContactName(AddSubscriptionEndUserBody endUser)
    {
        var name = string.Join(" ", new[] { endUser.FirstName, endUser.LastName }.Where(part => !string.IsNullOrWhiteSpace(part)).Select(part => part!.Trim()));
        return name.Length == 0 ? null : name;
    }

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


    private static string NewId(int length)
    {
        const string characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var bytes = Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray();
        return new string(bytes.Take(length).Select(b => characters[b % characters.Length]).ToArray());
    }

    private static string Id(string id)
    {
        var trimmed = id.Trim();
        return trimmed.Length is 0 or > MaxSubscriptionIdLength || trimmed.Trim('.').Length == 0 || trimmed.IndexOfAny(NotInIds) >= 0
            ? throw ApiProblem.BadRequest("SubscriptionID", $"use 1 to {MaxSubscriptionIdLength} characters, not only dots and no '/'")
            : trimmed;
    }

    private static string UserId(string id, string field)
    {
        var trimmed = id.Trim();
        return trimmed.Length is 0 or > 100 || !trimmed.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')
            ? throw ApiProblem.BadRequest(field, "use only A-Z, a-z, 0-9, '-' and '_'")
            : trimmed;
    }

    private static string Email(string text, string field)
    {
        var trimmed = text.Trim();
        var at = trimmed.LastIndexOf('@');
        return at <= 0 || at == trimmed.Length - 1 || trimmed.IndexOf('.', at) < 0 || trimmed.Length > 254 || trimmed.Any(char.IsWhiteSpace)
            ? throw ApiProblem.BadRequest(field, "give an email address like name@example.com")
            : trimmed;
    }

    private static string Domain(string text, string field)
    {
        var domain = text.Trim().TrimEnd('.').ToLowerInvariant();
        return domain.Length is 0 or > 253 || domain.IndexOf('.') < 0 || Uri.CheckHostName(domain) != UriHostNameType.Dns
            ? throw ApiProblem.BadRequest(field, "give a domain name like contoso.com")
            : domain;
    }

    private static string Name(string text, string field)
    {
        var trimmed = text.Trim();
        return trimmed.Length is 0 or > MaxNameLength || trimmed.Any(char.IsControl)
            ? throw ApiProblem.BadRequest(field, $"use 1 to {MaxNameLength} characters")
            : trimmed;
    }

    private static int MailboxCount(int count) =>
        count is >= 1 and <= 10_000_000 ? count : throw ApiProblem.BadRequest("MailboxCount", "use 1 to 10,000,000");

    private static string Country(string text, string field) =>
        CountryCodes.TryGetAlpha2(text, out _) ? text.Trim().ToUpperInvariant() : throw ApiProblem.BadRequest(field, "give an ISO 3166-1 alpha-2, alpha-3 or numeric code");

    private static string Currency(string text) =>
        ContractValues.Currencies.FirstOrDefault(c => c.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw ApiProblem.BadRequest("CurrencyCode", "use USD, GBP, EUR, AUD or CAD");
}
