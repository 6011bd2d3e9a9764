using System.Collections.Generic;
using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Binding;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Move-ResellerSubscription</c>: assigns, moves or removes a subscription's reseller and customer (R22; the Cloud
/// API's <c>migrate</c>). What is not given stays; <c>-RemoveReseller</c> and <c>-RemoveCustomer</c> take it away, since a
/// blank CSV cell means "not given".
/// </summary>
[Cmdlet(VerbsCommon.Move, "ResellerSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Subscription))]
public sealed class MoveResellerSubscriptionCommand : ResellerChangeCmdlet
{
    /// <summary>The subscription.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The reseller to put the subscription under: one that exists (Set-ResellerCompany).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? ResellerId { get; set; }

    /// <summary>The customer to give the subscription to: one that exists (Set-ResellerCustomer).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? CustomerId { get; set; }

    /// <summary>Takes the subscription away from its reseller.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [FlexibleBoolean]
    public SwitchParameter RemoveReseller { get; set; }

    /// <summary>Takes the subscription away from its customer.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [FlexibleBoolean]
    public SwitchParameter RemoveCustomer { get; set; }

    /// <summary>
    /// The piped object itself. When it is a subscription (from Get-ResellerSubscription), its own ResellerId and
    /// CustomerId bind by name too; they are not sent back, so only what you name moves.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Writes the moved subscription.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override string ProgressActivity => "Moving subscriptions";

    /// <summary>Moves one subscription.</summary>
    protected override void ProcessRecord()
    {
        var id = SubscriptionId;
        ShowProgress(id);
        var piped = PipedSubscription.Of(InputObject);
        var resellerId = piped is not null && piped.Repeats(nameof(Subscription.ResellerId), ResellerId) ? null : ResellerId;
        var customerId = piped is not null && piped.Repeats(nameof(Subscription.CustomerId), CustomerId) ? null : CustomerId;
        ForItem(id, () =>
        {
            var options = new MigrateSubscriptionOptions
            {
                ResellerId = RemoveReseller ? Removed(resellerId, nameof(ResellerId), nameof(RemoveReseller)) : resellerId,
                CustomerId = RemoveCustomer ? Removed(customerId, nameof(CustomerId), nameof(RemoveCustomer)) : customerId,
            };
            if (options.ResellerId is null && options.CustomerId is null)
            {
                if (piped is not null)
                {
                    WriteVerbose($"Subscription '{id}': nothing to move.");
                    return;
                }

                // The SDK's own words would say an empty id removes; here the switches do.
                throw new ResellerValidationException(
                    nameof(ResellerId),
                    "R22",
                    "ResellerId is required: give ResellerId or CustomerId to move the subscription, or RemoveReseller or RemoveCustomer to take it away (R22).",
                    ResellerErrorCodes.MissingField);
            }

            var customerName = piped?.Listed(nameof(Subscription.CustomerName)) as string ?? ForPrompt(id)?.CustomerName;
            if (!ShouldProcess(SubscriptionTarget(id, customerName), Describe(options)))
            {
                return;
            }

            CallThen(id, (client, token) => client.MigrateSubscriptionAsync(id, options, token), PassThru.IsPresent ? WriteResult : null);
        });
    }

    /// <summary>The SDK's "remove" (an empty id), refused when an id to move to is given as well.</summary>
    private static string Removed(string? given, string field, string removal) =>
        given is null
            ? string.Empty
            : throw new ResellerValidationException(field, "R22", $"Give {field} to move the subscription, or {removal} to take it away, not both (R22).");

    private static string Describe(MigrateSubscriptionOptions options)
    {
        var parts = new List<string>();
        if (options.ResellerId is { } reseller)
        {
            parts.Add(reseller.Length == 0 ? "remove its reseller" : $"put it under the reseller '{reseller.Trim()}'");
        }

        if (options.CustomerId is { } customer)
        {
            parts.Add(customer.Length == 0 ? "remove its customer" : $"give it to the customer '{customer.Trim()}'");
        }

        var text = string.Join(" and ", parts);
        return char.ToUpperInvariant(text[0]) + text.Substring(1);
    }
}
