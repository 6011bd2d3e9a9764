using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using Exclaimer.Reseller.PowerShell.Binding;
using Exclaimer.Reseller.PowerShell.Connection;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Complete-ResellerSubscriptionTransfer</c>: claims a subscription another partner put up for transfer, with its
/// single-use token (R21; the Cloud API's <c>transfer/claim</c>), optionally under your own id, reseller and customer.
/// </summary>
/// <remarks>
/// The token is a credential that hands the subscription over, so it is taken as a <see cref="SecureString"/> only, as
/// <c>Connect-ResellerAccount -ApiToken</c> takes the API token: a plain string is refused by the binder, and so is never
/// in the command line a transcript or the history records. It is made text only to hand it to the SDK, and is blanked
/// from any error a server echoes it in (R18). ConfirmImpact High: the claim spends the token and moves the
/// subscription, and its billing, to your account.
/// </remarks>
[Cmdlet(VerbsLifecycle.Complete, "ResellerSubscriptionTransfer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Subscription))]
public sealed class CompleteResellerSubscriptionTransferCommand : ResellerChangeCmdlet
{
    /// <summary>The transfer token the subscription's owner gave you.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public SecureString? TransferToken { get; set; }

    /// <summary>Your id for the subscription once it is yours; the server's id when left out or in use.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? SubscriptionId { get; set; }

    /// <summary>An existing reseller to put the subscription under (Set-ResellerCompany).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? ResellerId { get; set; }

    /// <summary>An existing customer to give the subscription to (Set-ResellerCustomer).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [BlankAsNull]
    public string? CustomerId { get; set; }

    private protected override string ProgressActivity => "Claiming transfers";

    /// <summary>Claims one subscription and writes it.</summary>
    protected override void ProcessRecord()
    {
        var id = SubscriptionId?.Trim();
        ShowProgress(id ?? "transfer");
        // Text only to hand it to the SDK.
        var secret = ApiTokenMask.Reveal(TransferToken!);
        ForItem(id, () =>
        {
            var options = new ClaimTransferOptions { TransferToken = secret, SubscriptionId = id, ResellerId = ResellerId, CustomerId = CustomerId };

            // Never the token, not even a part of it: the prompt is shown and may be in a transcript.
            var what = id is null ? "The subscription the transfer token claims" : $"The subscription the transfer token claims, as '{id}'";
            if (!ShouldProcess(what, Describe(options)))
            {
                return;
            }

            // The SDK blanks the token wherever a server echoes it (R18), so a refusal can be raised as it is.
            CallThen(id, (client, token) => client.ClaimSubscriptionTransferAsync(options, token), WriteResult);
        });
    }

    private static string Describe(ClaimTransferOptions options)
    {
        var parts = new List<string> { "Claim the subscription onto this account; the token is spent" };
        if (options.ResellerId is { } reseller)
        {
            parts.Add($"put it under the reseller '{reseller.Trim()}'");
        }

        if (options.CustomerId is { } customer)
        {
            parts.Add($"give it to the customer '{customer.Trim()}'");
        }

        return string.Join(", ", parts);
    }
}
