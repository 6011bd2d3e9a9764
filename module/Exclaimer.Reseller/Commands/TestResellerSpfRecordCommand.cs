using System;
using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Binding;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Errors;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.PowerShell.Output;
using Exclaimer.Reseller.PowerShell.Spf;
using Exclaimer.Reseller.Sdk;
using Exclaimer.Reseller.Sdk.Spf;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Test-ResellerSpfRecord</c>: checks a domain's SPF record against DNS as it is (R14). With <c>-IPAddress</c>, RFC
/// 7208's check_host for that sender; without, the record itself (one record, its syntax, at most 10 lookups and 2 void
/// ones, and the Exclaimer include for the subscription's data centre when <c>-SubscriptionId</c> is given). Reads only;
/// needs a connection only for <c>-SubscriptionId</c>.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ResellerSpfRecord", DefaultParameterSetName = RecordSet)]
[OutputType(SpfTestResult.TypeName)]
public sealed class TestResellerSpfRecordCommand : ResellerCmdlet
{
    private const string RecordSet = "Record";
    private const string AddressSet = "Address";

    private SpfChecker? _checker;

    /// <summary>The domain whose record is checked: the MAIL FROM domain, or the HELO name when MAIL FROM is empty.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Domain { get; set; } = string.Empty;

    /// <summary>The address of the host that sends the mail; without it the record itself is checked.</summary>
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = AddressSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public IPAddress? IPAddress { get; set; }

    /// <summary>The MAIL FROM address, for the record's macros; default <c>postmaster@</c> the domain.</summary>
    [Parameter(ParameterSetName = AddressSet, ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? Sender { get; set; }

    /// <summary>The HELO/EHLO name, for the <c>%{h}</c> macro.</summary>
    [Parameter(ParameterSetName = AddressSet, ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? Helo { get; set; }

    /// <summary>The subscription whose Exclaimer include the record must hold (R14).</summary>
    [Parameter(ParameterSetName = RecordSet, ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string? SubscriptionId { get; set; }

    /// <summary>The subscription's data centre, which the Cloud API does not report.</summary>
    [Parameter(ParameterSetName = RecordSet, ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public DataCenter? DataCenter { get; set; }

    /// <summary>The DNS servers to ask, e.g. <c>192.0.2.53</c> or <c>192.0.2.53:5353</c>; default the machine's.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public SpfNameServer[]? DnsServer { get; set; }

    private protected override string ProgressActivity => "Checking SPF records";

    /// <summary>Prepares the DNS checker; a connection is needed only for <c>-SubscriptionId</c>, so none is required here.</summary>
    protected override void BeginProcessing()
    {
        var options = new SpfDnsOptions();
        foreach (var server in DnsServer ?? Array.Empty<SpfNameServer>())
        {
            options.NameServers.Add(server);
        }

        _checker = new SpfChecker(options);
    }

    /// <summary>Writes one result per domain.</summary>
    protected override void ProcessRecord()
    {
        ShowProgress(Domain);
        var checker = _checker!;
        ForItem(Domain, () =>
        {
            if (IPAddress is { } address)
            {
                WriteObject(Run(token => SpfTest.HostAsync(checker, address, Domain, Sender, Helo, token)).ToView());
                return;
            }

            // The client is taken here, on the pipeline thread, so a missing connection stops the command before any lookup.
            var subscriptionId = SubscriptionId;
            var client = subscriptionId is null ? null : Client;
            var options = new SpfRecordOptions { Domain = Domain, DataCenter = DataCenter };
            foreach (var server in DnsServer ?? Array.Empty<SpfNameServer>())
            {
                options.NameServers.Add(server);
            }

            Func<string, CancellationToken, Task<SpfRecordUpdate>>? propose = client is null
                ? null
                : (record, token) =>
                {
                    options.CurrentRecord = record;
                    return client.UpdateSpfRecordAsync(subscriptionId!, options, token);
                };
            var domain = Domain;
            var context = ErrorContext;
            WriteObject(Run(token => SpfTest.RecordAsync(checker, domain, subscriptionId, propose, message => ParameterNames.InCallersTerms(message, context), token)).ToView());
        });
    }
}
