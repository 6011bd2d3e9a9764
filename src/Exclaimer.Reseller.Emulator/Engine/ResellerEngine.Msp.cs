using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Contract;
using Exclaimer.Reseller.Emulator.Http;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <content>
/// The MSP operations (R24): only for a partner that is an MSP (<see cref="EmulatorOptions.PartnerKind"/>), 403 for any
/// other, as the API answers. An MSP's subscriptions are Pro, billed by usage: a create takes no mailbox count and no
/// owner, and starts active, without a trial.
/// </content>
internal sealed partial class ResellerEngine
{
    /// <summary>Refuses the MSP operations to a partner that is not an MSP.</summary>
    public void RequireMsp()
    {
        if (!_partner.IsMsp)
        {
            throw ApiProblem.Forbidden("The MSP operations are only available to API users with MSP (Managed Service Provider) access.");
        }
    }

    public async Task<StoredSubscription> CreateMspAsync(AddMspBody body, CancellationToken cancellationToken)
    {
        RequireMsp();
        var dataCenter = string.IsNullOrWhiteSpace(body.DataCenter) ? throw ApiProblem.Missing("DataCenter") : ContractValues.DataCenter(body.DataCenter!);
        var (product, tier, nfr) = ContractValues.Sku(string.IsNullOrWhiteSpace(body.Sku) ? "EXCL-M-PRO" : body.Sku!);
        if (nfr || tier != "ExclaimerPro")
        {
            throw ApiProblem.BadRequest("SKU", "MSP subscriptions are EXCL-M-PRO or EXCL-G-PRO");
        }

        var endUser = body.EndUser is null ? null : EndUser(body.EndUser, "EndUser.");
        var reseller = body.Reseller is null ? null : Reseller(body.Reseller, "Reseller.");
        var name = body.SubscriptionName is not null ? Name(body.SubscriptionName, "SubscriptionName")
            : endUser?.CompanyName ?? throw ApiProblem.Missing("SubscriptionName");
        var id = body.SubscriptionId is null ? NewId(30) : Id(body.SubscriptionId);
        var sku = ContractValues.SkuFor(product, tier, nfr: false);
        var now = _clock.GetUtcNow();

        var created = await _store.WriteAsync(
            transaction =>
            {
                if (transaction.Find(id) is not null)
                {
                    throw ApiProblem.Refused($"SubscriptionID '{id}' is already in use.");
                }

                if (endUser is not null)
                {
                    transaction.Put(Upserted(transaction, endUser));
                }

                if (reseller is not null)
                {
                    transaction.Put(Upserted(transaction, reseller));
                }

                var record = new StoredSubscription
                {
                    Subscription = new StoredSubscriptionDetails
                    {
                        SubscriptionId = id,
                        Name = name,
                        EndUserId = endUser is null ? null : transaction.FindEndUser(endUser.EndUserId)!.EndUserId,
                        ResellerId = reseller is null ? null : transaction.FindReseller(reseller.ResellerId)!.ResellerId,
                        Sku = sku,
                        Tier = tier,
                        NumberOfUsers = 0,
                        Status = SubscriptionStates.Active,
                        InTrial = false,
                        StartDate = now,
                        DataCenter = dataCenter,
                        CountryCode = endUser?.CountryCode ?? reseller?.CountryCode,
                        AllowCustomerEditing = false,
                        InvitationStatus = InvitationStates.None,
                        Deployment = "None",
                    },
                };
                transaction.Put(record);
                return record;
            },
            cancellationToken).ConfigureAwait(false);

        EngineLog.MspCreated(_log, created.Id, sku);
        return created;
    }

    public Task<(IReadOnlyList<StoredSubscription> Items, int Total, int? Next)> ListMspAsync(int start, bool startIsPosition, int pageSize, CancellationToken cancellationToken)
    {
        RequireMsp();
        return ListAsync(activeOnly: false, start, startIsPosition, pageSize, cancellationToken);
    }

    public Task<StoredSubscription> GetMspAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        RequireMsp();
        return GetAsync(subscriptionId, cancellationToken);
    }

    /// <summary>What the MSP reports count as a subscription's mailboxes: the most seen server-side or client-side.</summary>
    internal static int TotalMailboxes(StoredSubscription record) =>
        record.Usage is { } usage ? Math.Max(usage.MailboxCount, usage.ClientSideMailboxCount) : 0;
}
