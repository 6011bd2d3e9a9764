using System;
using System.Globalization;
using System.Management.Automation;

namespace Exclaimer.Reseller.PowerShell.Binding;

/// <summary>
/// Lets a switch take the words a CSV column holds: <c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c>, <c>1</c>/<c>0</c>,
/// and blank for false. PowerShell itself refuses strings for switches, and would read "False" as true if it did not.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class FlexibleBooleanAttribute : ArgumentTransformationAttribute
{
    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is not string text)
        {
            return inputData;
        }

        switch (text.Trim().ToUpperInvariant())
        {
            case "":
            case "FALSE":
            case "NO":
            case "N":
            case "0":
            case "$FALSE":
                return false;
            case "TRUE":
            case "YES":
            case "Y":
            case "1":
            case "$TRUE":
                return true;
            default:
                throw new ArgumentTransformationMetadataException(string.Format(
                    CultureInfo.CurrentCulture,
                    "'{0}' is not a yes/no value; use true or false (yes/no and 1/0 work too).",
                    text));
        }
    }
}
