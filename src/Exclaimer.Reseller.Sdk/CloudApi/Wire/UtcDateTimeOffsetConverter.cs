using System;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.CloudApi.Wire;

/// <summary>
/// Reads ISO 8601 date-times; one without a zone (the Status endpoint's <c>2025-09-02T07:54:59</c>) is UTC,
/// never the local time of the machine that happens to read it.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, Styles, out var value))
        {
            return value;
        }

        throw new JsonException("Expected an ISO 8601 date-time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
}
