using System.Text.Json.Serialization;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>A tier the Cloud API offers (reference data), e.g. <c>ExclaimerStandard</c>.</summary>
public sealed record CloudApiTier
{
    /// <summary>The tier's code as the Cloud API spells it.</summary>
    [JsonPropertyName("Tier")]
    public string Code { get; init; } = string.Empty;

    /// <summary>The Cloud API's description, e.g. <c>Exclaimer Standard</c>.</summary>
    public string? Description { get; init; }

    /// <summary>The tier; <see cref="Sdk.Tier.Unknown"/> for deprecated or new tiers this version does not know.</summary>
    [JsonIgnore]
    public Tier Tier => WireNames.TryParse<Tier>(Code, out var tier) ? tier : Tier.Unknown;
}
