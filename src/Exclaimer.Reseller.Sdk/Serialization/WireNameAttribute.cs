using System;

namespace Exclaimer.Reseller.Sdk.Serialization;

/// <summary>
/// Names an enum member the way the Exclaimer Cloud API spells it on the wire, when that differs from the
/// member name (for example <c>ExclaimerStandard</c> for <see cref="Tier.Standard"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = true)]
internal sealed class WireNameAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">A spelling accepted when reading; the first one on a member is also written.</param>
    public WireNameAttribute(string name) => Name = name;

    /// <summary>The wire spelling.</summary>
    public string Name { get; }
}
