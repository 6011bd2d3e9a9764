using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.Wire;

/// <summary>
/// Reads ISO 8601 date-times; one without a zone (the Status endpoint's <c>2025-09-02T07:54:59</c>) is UTC,
/// never the local time of the machine that happens to read it. Uses the reader's own ISO 8601 parser (a list
/// holds two dates per subscription), falling back to a lenient parse for other spellings.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected an ISO 8601 date-time.");
        }

        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            if (HasZone(reader.ValueSpan))
            {
                if (reader.TryGetDateTimeOffset(out var zoned))
                {
                    return zoned;
                }
            }
            else if (reader.TryGetDateTime(out var unzoned))
            {
                return new DateTimeOffset(DateTime.SpecifyKind(unzoned, DateTimeKind.Unspecified), TimeSpan.Zero);
            }
        }

        return DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, Styles, out var value)
            ? value
            : throw new JsonException("Expected an ISO 8601 date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));

    /// <summary>A 'Z' or a '+hh:mm'/'-hh:mm' offset after the time part (the date part has '-' of its own).</summary>
    private static bool HasZone(ReadOnlySpan<byte> text)
    {
        var time = text.IndexOf((byte)'T');
        if (time < 0)
        {
            return false;
        }

        var rest = text.Slice(time);
        return rest.IndexOf((byte)'Z') >= 0 || rest.IndexOf((byte)'z') >= 0 || rest.IndexOf((byte)'+') >= 0 || rest.IndexOf((byte)'-') >= 0;
    }
}
