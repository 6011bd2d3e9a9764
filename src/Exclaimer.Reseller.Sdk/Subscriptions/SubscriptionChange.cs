using System;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// A change to one subscription, for <see cref="ResellerClient.ChangeSubscriptionAsync"/>: the same change as
/// <see cref="ResellerClient.SuspendSubscriptionAsync"/>, <see cref="ResellerClient.CancelSubscriptionAsync"/> and the
/// others, made without reading the subscription back, so one request fewer.
/// </summary>
public sealed class SubscriptionChange
{
    private SubscriptionChange(ChangeKind kind, bool restartTrial = false, UpdateSubscriptionOptions? update = null)
    {
        Kind = kind;
        RestartTrial = restartTrial;
        Update = update;
    }

    /// <summary>Converts a trial into a full subscription (R7).</summary>
    public static SubscriptionChange ActivateFull { get; } = new(ChangeKind.ActivateFull);

    /// <summary>Suspends the subscription (R13).</summary>
    public static SubscriptionChange Suspend { get; } = new(ChangeKind.Suspend);

    /// <summary>Cancels the subscription: it ends and moves to the archive (R15).</summary>
    public static SubscriptionChange Cancel { get; } = new(ChangeKind.Cancel);

    internal ChangeKind Kind { get; }

    internal bool RestartTrial { get; }

    internal UpdateSubscriptionOptions? Update { get; }

    /// <summary>Reactivates a suspended or archived subscription (R13, R16).</summary>
    /// <param name="restartTrial"><see langword="true"/> to start a fresh 14-day trial.</param>
    public static SubscriptionChange Reactivate(bool restartTrial = false) => new(ChangeKind.Reactivate, restartTrial);

    /// <summary>Changes the number of users or the customer name (R13).</summary>
    /// <param name="options">What changes; the options are copied, so later changes to them have no effect.</param>
    public static SubscriptionChange Details(UpdateSubscriptionOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        return new SubscriptionChange(ChangeKind.Details, update: new UpdateSubscriptionOptions { UserCount = options.UserCount, CustomerName = options.CustomerName });
    }

    /// <summary>What the change does, e.g. <c>Suspend</c> or <c>Reactivate (new trial)</c>.</summary>
    public override string ToString() => Kind switch
    {
        ChangeKind.Reactivate when RestartTrial => "Reactivate (new trial)",
        ChangeKind.Details => "Details",
        _ => Kind.ToString(),
    };

    internal enum ChangeKind
    {
        ActivateFull,
        Suspend,
        Cancel,
        Reactivate,
        Details,
    }
}
