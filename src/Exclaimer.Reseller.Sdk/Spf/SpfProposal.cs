namespace Exclaimer.Reseller.Sdk.Spf;

/// <summary>
/// Applies the SPF rule (R14) to a subscription: the data centre picks the include, the product the anchor.
/// The Cloud API has no SPF call, so the record is worked out in the client, for every server alike. This is the
/// merge and the rules a record obeys on its own; <see cref="SpfDnsCheck"/> then counts it against DNS.
/// </summary>
internal static class SpfProposal
{
    public static SpfRecordUpdate For(Subscription subscription, DataCenter? dataCenter, string domain, string? currentRecord, bool fromDns)
    {
        if (dataCenter is null or DataCenter.Unknown)
        {
            throw ResellerValidationException.Missing("DataCenter", "R14", $"the data centre of subscription '{subscription.SubscriptionId}' is not known, and it picks the SPF include");
        }

        var include = SpfRegion.IncludeDomainFor(dataCenter.Value.ToString());
        var service = subscription.Product == Product.GoogleWorkspace ? SpfSendingService.GoogleWorkspace : SpfSendingService.Microsoft365;
        SpfEdit edit;
        try
        {
            edit = SpfRecordEditor.AddInclude(currentRecord, include, service);
        }
        catch (SpfRecordException ex)
        {
            throw new ResellerValidationException(
                "CurrentRecord",
                "R14",
                $"The SPF record for {domain} was not changed: {ex.Reason} (RFC 7208 section {ex.RfcSection}, R14).",
                ResellerErrorCodes.SpfRecordRefused,
                subscription.SubscriptionId);
        }

        return new SpfRecordUpdate
        {
            SubscriptionId = subscription.SubscriptionId,
            Domain = domain,
            CurrentRecord = string.IsNullOrWhiteSpace(currentRecord) ? null : currentRecord!.Trim(),
            CurrentRecordFromDns = fromDns,
            ProposedRecord = edit.ProposedRecord,
            Include = "include:" + include,
            Changed = edit.Changed,

            // The editor's offline count, until SpfDnsCheck replaces it with DNS's.
            DnsLookupCount = edit.DnsLookupCount,
        };
    }
}
