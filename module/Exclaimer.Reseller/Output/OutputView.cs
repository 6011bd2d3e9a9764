using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Exclaimer.Reseller.Sdk;

namespace Exclaimer.Reseller.PowerShell.Output;

/// <summary>
/// What the cmdlets write for an SDK model: a PowerShell object with the model's type name first (so the views,
/// the type extensions and <c>Get-Member</c> know it as before) and the model's properties under their own names,
/// with enum values as their names and lists as <see cref="TextList"/>s.
/// </summary>
/// <remarks>
/// Why not the model itself: <c>ConvertTo-Json</c> reads a .NET object's properties by reflection and writes enums as
/// numbers (<c>"Status": 1</c>), and <c>Export-Csv</c> writes a list as its type name. A types.ps1xml member can only
/// add a property, never replace one the type has, so the values must already be in the form those cmdlets export.
/// Property names and order are the model's, so nothing that reads them by name changes.
/// </remarks>
internal static class OutputView
{
    private static readonly Assembly Sdk = typeof(Subscription).Assembly;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>The output form of <paramref name="value"/>: SDK models become views; anything else is written as it is.</summary>
    public static object? For(object? value) =>
        value switch
        {
            null => null,
            Enum named => named.ToString(),
            string or PSObject => value,
            IDictionary => value,
            IEnumerable list => new TextList(list.Cast<object?>().Select(item => For(item)!).ToList()),
            _ when value.GetType().Assembly == Sdk && value.GetType().IsClass => View(value),
            _ => value,
        };

    /// <summary>
    /// Whether <paramref name="value"/> is the output form of an SDK model of type <typeparamref name="T"/>, also after
    /// <c>Select-Object -First</c>, which puts a type name of its own in front.
    /// </summary>
    public static bool Is<T>(PSObject? value) =>
        value is not null && (value.BaseObject is T || value.TypeNames.Contains(typeof(T).FullName!));

    private static PSObject View(object model)
    {
        var type = model.GetType();
        var view = new PSObject();
        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            view.Properties.Add(new PSNoteProperty(property.Name, For(property.GetValue(model))));
        }

        view.TypeNames.Insert(0, type.FullName!);
        return view;
    }

    private static PropertyInfo[] Readable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetMethod is { IsPublic: true } && property.GetIndexParameters().Length == 0)
            .ToArray();
}
