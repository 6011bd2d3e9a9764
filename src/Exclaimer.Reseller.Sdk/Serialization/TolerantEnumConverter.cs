using System;
#if NET
using System.Diagnostics.CodeAnalysis;
#endif
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.Serialization;

/// <summary>
/// Reads and writes an enum as its wire string (see <see cref="WireNames"/>). A value this version has never
/// seen reads as the enum's zero member (<c>Unknown</c>) instead of failing, so a server that adds a status
/// cannot break a caller.
/// </summary>
/// <typeparam name="TEnum">An enum whose zero member means "not known to this version".</typeparam>
#if NET
internal sealed class TolerantEnumConverter<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TEnum> : JsonConverter<TEnum>
#else
internal sealed class TolerantEnumConverter<TEnum> : JsonConverter<TEnum>
#endif
    where TEnum : struct, Enum
{
    /// <inheritdoc />
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return WireNames.TryRead<TEnum>(ref reader, out var value) ? value : default;
        }

        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number)
            && Enum.IsDefined(typeof(TEnum), number))
        {
            return (TEnum)Enum.ToObject(typeof(TEnum), number);
        }

        reader.Skip();
        return default;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WireNames.ToWireName(value));
}
