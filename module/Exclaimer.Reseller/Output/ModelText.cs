using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace Exclaimer.Reseller.PowerShell.Output;

/// <summary>
/// The text of an SDK model in the cmdlets' output wherever PowerShell makes text of it, so a nested one (a
/// subscription's <c>NfrDetails</c>) exports to CSV as one readable cell, <c>NumberOfUsers=5; DateApplied=2026-12-01T00:00:00Z</c>,
/// not as <c>@{...}</c>: its properties that hold a value, in the model's order, each as its own text (dates ISO 8601,
/// numbers in the invariant culture). A top-level output object keeps PowerShell's own text.
/// <c>ConvertTo-Json</c> and property access still see the nested object.
/// </summary>
public static class ModelText
{
    private static readonly MethodInfo AsText = typeof(ModelText).GetMethod(nameof(ToText), BindingFlags.Public | BindingFlags.Static)!;

    /// <summary>The text of an output object; called by PowerShell as the object's <c>ToString</c>.</summary>
    /// <param name="instance">The output object.</param>
    public static string ToText(PSObject instance) =>
        instance is null
            ? string.Empty
            : string.Join("; ", instance.Properties
                .Where(property => property.MemberType == PSMemberTypes.NoteProperty && property.Value is not null)
                .Select(property => property.Name + "=" + (property.Value is PSObject value ? ValueText(value) : Convert.ToString(property.Value, CultureInfo.InvariantCulture))));

    /// <summary>Gives <paramref name="view"/> this text.</summary>
    internal static void Attach(PSObject view) => view.Methods.Add(new PSCodeMethod("ToString", AsText));

    private static string ValueText(PSObject value) =>
        value.Methods["ToString"] is PSCodeMethod ? value.ToString() : value.BaseObject?.ToString() ?? string.Empty;
}
