using System;
using System.Collections.Generic;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using System.Reflection;

namespace Exclaimer.Reseller.Sdk.Serialization;

/// <summary>
/// Maps enums to and from the Cloud API's spellings: the member name, or the <see cref="WireNameAttribute"/>
/// spellings; case-insensitive. Text this version has never seen maps to the enum's zero member (<c>Unknown</c>).
/// </summary>
internal static class WireNames
{
    /// <summary>Reads a wire or member name; unknown text gives <see langword="false"/> and the zero member.</summary>
#if NET
    public static bool TryParse<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(string? text, out TEnum value)
#else
    public static bool TryParse<TEnum>(string? text, out TEnum value)
#endif
        where TEnum : struct, Enum
    {
        if (text is not null && Names<TEnum>.Read.TryGetValue(text.Trim(), out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>
    /// Reads the value at the reader's current string token without allocating when its text is one of the
    /// spellings exactly (the common case: a server sends its own spelling); otherwise as <see cref="TryParse{TEnum}"/>.
    /// </summary>
#if NET
    internal static bool TryRead<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(ref System.Text.Json.Utf8JsonReader reader, out TEnum value)
#else
    internal static bool TryRead<TEnum>(ref System.Text.Json.Utf8JsonReader reader, out TEnum value)
#endif
        where TEnum : struct, Enum
    {
        foreach (var (spelling, known) in Names<TEnum>.Utf8)
        {
            if (reader.ValueTextEquals(spelling))
            {
                value = known;
                return true;
            }
        }

        return TryParse(reader.GetString(), out value);
    }

    /// <summary>The wire spelling of a value: its first <see cref="WireNameAttribute"/>, else its member name.</summary>
#if NET
    public static string ToWireName<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>(TEnum value)
#else
    public static string ToWireName<TEnum>(TEnum value)
#endif
        where TEnum : struct, Enum =>
        Names<TEnum>.Write.TryGetValue(value, out var name) ? name : value.ToString();

#if NET
    private static class Names<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum>
#else
    private static class Names<TEnum>
#endif
        where TEnum : struct, Enum
    {
        public static readonly Dictionary<string, TEnum> Read = new(StringComparer.OrdinalIgnoreCase);
        public static readonly Dictionary<TEnum, string> Write = new();
        public static readonly List<(byte[] Spelling, TEnum Value)> Utf8 = new();

#pragma warning disable CA1810 // One pass over the fields fills both maps.
        static Names()
#pragma warning restore CA1810
        {
            foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var value = (TEnum)field.GetValue(null)!;
                Read[field.Name] = value;
                string? first = null;
                foreach (var wire in field.GetCustomAttributes<WireNameAttribute>())
                {
                    Read[wire.Name] = value;
                    first ??= wire.Name;
                }

                Write[value] = first ?? field.Name;
            }

            foreach (var pair in Read)
            {
                Utf8.Add((System.Text.Encoding.UTF8.GetBytes(pair.Key), pair.Value));
            }
        }
    }
}
