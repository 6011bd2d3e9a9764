using System;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Binding;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.Spf;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Update-ResellerSpfRecord</c>: works out the SPF record a sending domain needs for server-side signatures (R14):
/// the current record (given, or read from DNS) with the Exclaimer include for the subscription's data centre, every
/// other term kept, checked against RFC 7208 and DNS as it is. Nothing is published; put <c>ProposedRecord</c> in DNS.
/// </summary>
[Cmdlet(VerbsData.Update, "ResellerSpfRecord", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(SpfRecordUpdate))]
public sealed class UpdateResellerSpfRecordCommand : ResellerChangeCmdlet
{
    /// <summary>The subscription.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The sending domain; default the subscription's domain.</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? Domain { get; set; }

    /// <summary>The domain's SPF record, for a check before DNS changes; default the one DNS publishes now.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? CurrentRecord { get; set; }

    /// <summary>The subscription's data centre, which the Cloud API does not report.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public DataCenter? DataCenter { get; set; }

    /// <summary>The DNS servers to ask, e.g. <c>192.0.2.53</c> or <c>192.0.2.53:5353</c>; default the machine's.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public SpfNameServer[]? DnsServer { get; set; }

    private protected override string ProgressActivity => "Working out SPF records";

    // Nothing is published: a refused proposal never says that nothing was written.
    private protected override bool ChangesData => false;

    /// <summary>Writes the proposed record.</summary>
    protected override void ProcessRecord()
    {
        ShowProgress(SubscriptionId);
        ForItem(SubscriptionId, () =>
        {
            // The mail domain given at creation is the one the SPF step is for, unless another is named; the prompt
            // names the customer and the domain, so it is read first when a prompt shows, else with the row's call.
            var subscription = ForPrompt(SubscriptionId);
            var domain = Domain ?? subscription?.Domain;
            var customer = subscription?.CustomerName is { Length: > 0 } name ? $" ({name})" : string.Empty;
            var target = domain is null ? SubscriptionTarget(SubscriptionId, subscription?.CustomerName) : $"{domain} for subscription '{SubscriptionId}'{customer}";
            if (!ShouldProcess(target, "Work out the SPF record with the Exclaimer include"))
            {
                return;
            }

            var id = SubscriptionId;
            var given = domain;
            var currentRecord = CurrentRecord;
            var dataCenter = DataCenter;
            var nameServers = DnsServer ?? Array.Empty<SpfNameServer>();
            CallThen(
                id,
                (client, token) =>
                {
                    // Without -Domain the SDK takes the subscription's own, from the one GET it makes anyway.
                    var options = new SpfRecordOptions { Domain = given, CurrentRecord = currentRecord, DataCenter = dataCenter };
                    foreach (var server in nameServers)
                    {
                        options.NameServers.Add(server);
                    }

                    return client.UpdateSpfRecordAsync(id, options, token);
                },
                WriteResult);
        });
    }
}
