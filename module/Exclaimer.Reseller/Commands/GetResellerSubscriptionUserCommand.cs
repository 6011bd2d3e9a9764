using System.Management.Automation;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.PowerShell.Hosting;
using Exclaimer.Reseller.PowerShell.Output;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Commands;

/// <summary>
/// <c>Get-ResellerSubscriptionUser</c>: the users of a subscription and their roles (R10); without a subscription, every
/// user across all of them (the Cloud API's <c>GET /1.0/subscriptions/users</c>), one row per user and subscription.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ResellerSubscriptionUser")]
[OutputType(typeof(SubscriptionUser), typeof(UserMembership))]
public sealed class GetResellerSubscriptionUserCommand : ResellerCmdlet
{
    /// <summary>The subscription; every subscription's users when left out.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string? SubscriptionId { get; set; }

    /// <summary>Only users whose address matches, with wildcards.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? EmailAddress { get; set; }

    /// <summary>Writes the users.</summary>
    protected override void ProcessRecord()
    {
        var pattern = EmailAddress is null ? null : new WildcardPattern(EmailAddress, WildcardOptions.IgnoreCase);
        if (SubscriptionId is null)
        {
            WriteEveryUser(pattern);
            return;
        }

        var id = SubscriptionId;
        ForItem(id, () =>
        {
            foreach (var user in Walk((client, token) => client.GetSubscriptionUsersAsync(id, token)))
            {
                if (pattern is null || pattern.IsMatch(user.EmailAddress))
                {
                    WriteResult(user);
                }
            }
        });
    }

    /// <summary>
    /// Every user across the subscriptions, flat: one row per user and subscription (address, subscription, user id,
    /// roles), so it pipes into the user cmdlets by property name and exports as one row each. The list does not say who
    /// owns a subscription; a subscription's own list does (IsOwner).
    /// </summary>
    private void WriteEveryUser(WildcardPattern? pattern)
    {
        ForItem(EmailAddress, () =>
        {
            foreach (var user in Walk((client, token) => client.GetAllSubscriptionUsersAsync(token)))
            {
                if (pattern is not null && !pattern.IsMatch(user.EmailAddress))
                {
                    continue;
                }

                foreach (var membership in user.Subscriptions)
                {
                    WriteObject(OutputView.For(membership, nameof(AccountUser.EmailAddress), user.EmailAddress));
                }
            }
        });
    }
}
