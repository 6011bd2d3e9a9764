using System.Management.Automation;

namespace Exclaimer.Reseller.PowerShell.Hosting;

/// <summary>
/// A cmdlet that changes one subscription per pipeline row, up to <c>-ThrottleLimit</c> rows' calls in flight at once.
/// Derive from it, and inside <see cref="ResellerCmdlet.ForItem"/>, after ShouldProcess, make the row's change with
/// <see cref="ResellerCmdlet.CallThen{T}"/> instead of <see cref="ResellerCmdlet.Call{T}"/>: prompts, output, errors
/// and progress stay on the pipeline thread and per row.
/// </summary>
public abstract class ResellerChangeCmdlet : ResellerCmdlet
{
    /// <summary>The default of <see cref="ThrottleLimit"/>.</summary>
    public const int DefaultThrottleLimit = 4;

    /// <summary>The largest <see cref="ThrottleLimit"/>.</summary>
    public const int MaxThrottleLimit = 64;

    /// <summary>
    /// How many rows' calls may be in flight at once. Default 4; 1 makes each call before the next row is read, with
    /// output in input order. Above 1, output and errors come in the order rows finish.
    /// </summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override int RowsAtOnce => ThrottleLimit;
}
