using Exclaimer.Reseller.Sdk.LocalEngine.Spf;

namespace Exclaimer.Reseller.Sdk.LocalEngine;

/// <summary>Applies the SPF rule (R14) to a subscription: its data centre picks the include, its product the anchor.</summary>
internal static class SpfProposal
{
    public static SpfRecordUpdate For(Subscription subscription, string domain, string? currentRecord)
    {
        if (subscription.DataCenter is not { } dataCenter || dataCenter == DataCenter.Unknown)
        {
            throw new ResellerValidationException("DataCenter", "R14", $"Subscription '{subscription.SubscriptionId}' has no known data centre, so its SPF include cannot be chosen (R14).");
        }

        var include = SpfRegion.IncludeDomainFor(dataCenter.ToString());
        var service = subscription.Product == Product.GoogleWorkspace ? SpfSendingService.GoogleWorkspace : SpfSendingService.Microsoft365;
        SpfEdit edit;
        try
        {
            edit = SpfRecordEditor.AddInclude(currentRecord, include, service);
        }
        catch (SpfRecordException ex)
        {
            throw new ResellerValidationException("CurrentRecord", "R14", $"The SPF record for {domain} was not changed: {ex.Message}", "SpfRecordRefused")
            {
                Target = subscription.SubscriptionId,
            };
        }

        return new SpfRecordUpdate
        {
            SubscriptionId = subscription.SubscriptionId,
            Domain = domain,
            CurrentRecord = string.IsNullOrWhiteSpace(currentRecord) ? null : currentRecord!.Trim(),
            ProposedRecord = edit.ProposedRecord,
            Include = "include:" + include,
            Changed = edit.Changed,
            DnsLookupCount = edit.DnsLookupCount,
        };
    }
}
