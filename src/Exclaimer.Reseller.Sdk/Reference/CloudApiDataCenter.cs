using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk;

/// <summary>
/// A data centre the Cloud API offers, and its code per product (reference data). A product whose code is
/// <see langword="null"/> is not offered there.
/// </summary>
public sealed record CloudApiDataCenter
{
    /// <summary>The country or region, e.g. <c>Europe</c>.</summary>
    public string Location { get; init; } = string.Empty;

    /// <summary>The code to use for Microsoft 365 subscriptions (the API's <c>Office365Code</c>), e.g. <c>EU</c>.</summary>
    [JsonPropertyName("Office365Code")]
    public string? Microsoft365Code { get; init; }

    /// <summary>The code to use for Google Workspace subscriptions (the API's <c>GSuiteCode</c>).</summary>
    [JsonPropertyName("GSuiteCode")]
    public string? GoogleWorkspaceCode { get; init; }
}
