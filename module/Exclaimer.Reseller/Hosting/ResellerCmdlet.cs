using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.PowerShell.Connection;
using Exclaimer.Reseller.PowerShell.Errors;
using Exclaimer.Reseller.PowerShell.Output;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Hosting;

/// <summary>
/// What every Exclaimer.Reseller cmdlet shares: the current connection, SDK calls that block the pipeline thread
/// (so every Write* happens on it) and stop at once on Ctrl+C, per-item errors, the progress bar, and rows whose call
/// runs while the next rows are read (<see cref="CallThen{T}"/>, with <see cref="ResellerChangeCmdlet"/>'s <c>-ThrottleLimit</c>).
/// </summary>
public abstract partial class ResellerCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private PipelineProgress? _progress;

    /// <summary>The title of the progress bar on long pipelines.</summary>
    private protected virtual string ProgressActivity => MyInvocation.MyCommand.Name;

    private ErrorContext? _errorContext;

    /// <summary>The SDK client of the current connection; stops the command when there is none.</summary>
    private protected ResellerClient Client => Connection.Client;

    /// <summary>The current connection; stops the command when there is none.</summary>
    private protected ResellerConnection Connection
    {
        get
        {
            if (ResellerSession.Current is not { } connection)
            {
                // Disconnected from another runspace while this command ran.
                ThrowTerminatingError(ResellerErrors.NotConnectedRecord(MyInvocation.MyCommand.Name));
                return null!;
            }

            return connection;
        }
    }

    /// <summary>Whether the command makes changes; a read's errors never say that nothing was written.</summary>
    private protected virtual bool ChangesData => ErrorContext.Changes(this);

    /// <summary>This command's name and parameters, which its error messages speak of.</summary>
    private protected ErrorContext ErrorContext => _errorContext ??= ErrorContext.Of(this, ChangesData);

    /// <summary>
    /// Whether ShouldProcess will only report and not act: <c>-WhatIf</c>, given here or inherited as
    /// <c>$WhatIfPreference</c> (a script run with <c>-WhatIf</c>). Then every check a real run makes before its first
    /// write must run without the write, so a row that would fail is reported as failing.
    /// </summary>
    private protected bool WhatIfInEffect =>
        MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given) ? IsOn(given) : IsOn(GetVariableValue("WhatIfPreference"));

    /// <summary>
    /// Whether ShouldProcess will show its target to someone (<c>-WhatIf</c>, a confirmation prompt, <c>-Verbose</c>),
    /// so the target is worth a read to name the customer; otherwise the read is saved.
    /// </summary>
    private protected bool ShowsWhatItDoes => WhatIfInEffect || WillPrompt || VerboseIsOn;

    private bool WillPrompt
    {
        get
        {
            if (MyInvocation.BoundParameters.TryGetValue("Confirm", out var confirm))
            {
                return IsOn(confirm);
            }

            // ShouldProcess asks when the command's impact reaches $ConfirmPreference (High unless changed).
            var impact = GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
            var preference = Unwrap(GetVariableValue("ConfirmPreference")) is { } value
                && LanguagePrimitives.TryConvertTo(value, out ConfirmImpact set) ? set : ConfirmImpact.High;
            return impact != ConfirmImpact.None && preference != ConfirmImpact.None && impact >= preference;
        }
    }

    private bool VerboseIsOn =>
        MyInvocation.BoundParameters.TryGetValue("Verbose", out var given)
            ? IsOn(given)
            : Unwrap(GetVariableValue("VerbosePreference")) is ActionPreference preference
              && preference is not (ActionPreference.SilentlyContinue or ActionPreference.Ignore);

    /// <summary>Checks the connection before any input is read.</summary>
    protected override void BeginProcessing()
    {
        if (ResellerSession.Current is null)
        {
            ThrowTerminatingError(ResellerErrors.NotConnectedRecord(MyInvocation.MyCommand.Name));
        }
    }

    /// <summary>Cancels every SDK call in flight at once (Ctrl+C).</summary>
    protected override void StopProcessing() => _stopping.Cancel();

    /// <summary>Waits for the rows still in flight, writing each one's outcome as it finishes; removes the progress bar.</summary>
    protected override void EndProcessing()
    {
        FinishRowsInFlight();
        _progress?.Complete();
    }

    /// <summary>Cancels and waits for any row still in flight (a command that stopped on an error), then releases the cancellation source.</summary>
    public void Dispose()
    {
        AbandonRowsInFlight();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes a result: an SDK model in the form PowerShell exports cleanly (<see cref="OutputView"/>).</summary>
    private protected void WriteResult(object result) => WriteObject(OutputView.For(result));

    /// <summary>
    /// The subscription a prompt is about, read so the prompt can name its customer; <see langword="null"/> when
    /// nothing will be shown. A subscription that does not exist fails here as the change itself would.
    /// </summary>
    private protected Subscription? ForPrompt(string subscriptionId) =>
        ShowsWhatItDoes ? Call((client, token) => client.GetSubscriptionAsync(subscriptionId, token)) : null;

    /// <summary>How prompts name a subscription: <c>Subscription 'contoso-m365' (Contoso Ltd)</c>, the customer when known.</summary>
    private protected static string SubscriptionTarget(string subscriptionId, string? customerName) =>
        string.IsNullOrEmpty(customerName) ? $"Subscription '{subscriptionId}'" : $"Subscription '{subscriptionId}' ({customerName})";

    /// <summary>Advances the progress bar to the next item; it counts the items that have finished.</summary>
    private protected void ShowProgress(string item, int? total = null)
    {
        WriteFinishedRows();
        _progress ??= new PipelineProgress(this, ProgressActivity);
        _progress.Next(item, total, RowsInFlight);
    }

    /// <summary>Runs one SDK call to completion on the pipeline thread.</summary>
    private protected T Call<T>(Func<ResellerClient, CancellationToken, Task<T>> call) => Run(token => call(Client, token));

    /// <summary>Runs work that needs no connection (a DNS check) to completion on the pipeline thread; Ctrl+C stops it at once.</summary>
    private protected T Run<T>(Func<CancellationToken, Task<T>> work)
    {
        _stopping.Token.ThrowIfCancellationRequested();
        try
        {
            return work(_stopping.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>Runs one SDK call that returns nothing to completion on the pipeline thread.</summary>
    private protected void Call(Func<ResellerClient, CancellationToken, Task> call) =>
        Call<bool>(async (client, token) =>
        {
            await call(client, token).ConfigureAwait(false);
            return true;
        });

    /// <summary>Walks a paged list item by item, fetching the next page only when it is needed (R2).</summary>
    private protected IEnumerable<T> Walk<T>(Func<ResellerClient, CancellationToken, AsyncPageable<T>> list)
    {
        var items = list(Client, _stopping.Token).GetAsyncEnumerator(_stopping.Token);
        try
        {
            while (Next(items))
            {
                yield return items.Current;
            }
        }
        finally
        {
            items.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Runs the work for one item and reports its failure as that item's error, so the other items go on.
    /// Failures that every item would meet (an unreadable store, a refused token) stop the command.
    /// </summary>
    /// <returns><see langword="false"/> when the item failed before its call was started.</returns>
    private protected bool ForItem(object? target, Action work)
    {
        WriteFinishedRows();
        var outer = _currentTarget;
        _currentTarget = target;
        try
        {
            work();
            return true;
        }
        catch (Exception exception) when (exception is ResellerException or ArgumentException)
        {
            WriteItemError(exception, target);
            return false;
        }
        finally
        {
            _currentTarget = outer;
        }
    }

    /// <summary>Writes one item's failure as its error, or stops the command for a failure every item would meet.</summary>
    private void WriteItemError(Exception exception, object? target)
    {
        var record = ResellerErrors.From(exception, target, ErrorContext);
        if (ResellerErrors.StopsTheCommand(exception))
        {
            ThrowTerminatingError(record);
        }

        WriteError(record);
    }

    /// <summary>Stops the command with <paramref name="exception"/>'s error: input that no row could run with.</summary>
    internal void StopWith(Exception exception) => ThrowTerminatingError(ResellerErrors.From(exception, null, ErrorContext));

    /// <summary>Whether the caller gave <paramref name="parameterName"/>, even as <c>-Switch:$false</c>.</summary>
    private protected bool Given(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);

    private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static bool IsOn(object? value) =>
        Unwrap(value) switch
        {
            SwitchParameter switchParameter => switchParameter.IsPresent,
            bool flag => flag,
            var other => LanguagePrimitives.IsTrue(other),
        };

    private bool Next<T>(IAsyncEnumerator<T> items)
    {
        try
        {
            return items.MoveNextAsync().AsTask().GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }
}
