using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Completion;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Hosting;

/// <summary>
/// A cmdlet that moves subscriptions from one state to another (cancel, suspend, reactivate, convert the trial):
/// by id or from the pipeline, asking ShouldProcess once per subscription, writing the result with <c>-PassThru</c>,
/// up to <c>-ThrottleLimit</c> changes in flight at once.
/// </summary>
public abstract class SubscriptionChangeCmdlet : ResellerChangeCmdlet
{
    /// <summary>The subscriptions to change.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(SubscriptionIdCompleter))]
    public string[] SubscriptionId { get; set; } = [];

    /// <summary>Writes each changed subscription.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>What the change does, as ShouldProcess says it: "Cancel", "Suspend"...</summary>
    private protected abstract string Action { get; }

    /// <summary>Makes the change and reads the subscription back, for <c>-PassThru</c>.</summary>
    private protected abstract Task<Subscription> ChangeAsync(ResellerClient client, string subscriptionId, CancellationToken cancellationToken);

    /// <summary>The change, made without reading the subscription back when nothing is written (no <c>-PassThru</c>): one request fewer.</summary>
    private protected abstract SubscriptionChange Change { get; }

    /// <summary>Changes each subscription given.</summary>
    protected override void ProcessRecord()
    {
        foreach (var id in SubscriptionId)
        {
            ShowProgress(id, SubscriptionId.Length > 1 ? SubscriptionId.Length : null);
            ForItem(id, () =>
            {
                // The prompt names the customer, so a confirmation is never given for an id alone.
                if (!ShouldProcess(SubscriptionTarget(id, ForPrompt(id)?.CustomerName), Action))
                {
                    return;
                }

                if (PassThru)
                {
                    CallThen(id, (client, token) => ChangeAsync(client, id, token), WriteResult);
                }
                else
                {
                    var change = Change;
                    CallThen(id, (client, token) => client.ChangeSubscriptionAsync(id, change, token));
                }
            });
        }
    }
}
