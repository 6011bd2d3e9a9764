using System;
using System.Management.Automation;

namespace Exclaimer.Reseller.PowerShell.Binding;

/// <summary>
/// Binds an empty or blank value as "not given", so a CSV row with an empty optional column
/// (<c>Import-Csv | New-ResellerSubscription</c>) means the default, not an invalid value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class BlankAsNullAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
    }
}
