using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary><c>Get-ResellerSubscriptionUser</c>: the users of a subscription and their roles (R10).</summary>
[Cmdlet(VerbsCommon.Get, "ResellerSubscriptionUser")]
[OutputType(typeof(SubscriptionUser))]
public sealed class GetResellerSubscriptionUserCommand : ResellerCmdlet
{
    /// <summary>The subscription.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>Only users whose address matches, with wildcards.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? EmailAddress { get; set; }

    /// <summary>Writes the users.</summary>
    protected override void ProcessRecord()
    {
        var pattern = EmailAddress is null ? null : new WildcardPattern(EmailAddress, WildcardOptions.IgnoreCase);
        ForItem(SubscriptionId, () =>
        {
            foreach (var user in Walk((client, token) => client.GetSubscriptionUsersAsync(SubscriptionId, token)))
            {
                if (pattern is null || pattern.IsMatch(user.EmailAddress))
                {
                    WriteResult(user);
                }
            }
        });
    }
}
