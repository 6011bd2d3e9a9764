using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Exclaimer.Reseller.Sdk.Wire;

/// <summary>The answer to <c>GET /1.0/reference/data-centers</c>.</summary>
internal sealed class DataCentersResponse
{
    public List<CloudApiDataCenter>? DataCenters { get; set; }
}

/// <summary>The answer to <c>GET /1.0/reference/skus</c>.</summary>
internal sealed class SkuReferencesResponse
{
    [JsonPropertyName("SKUs")]
    public List<CloudApiSku>? Skus { get; set; }
}

/// <summary>The answer to <c>GET /1.0/reference/tiers</c>.</summary>
internal sealed class TierReferencesResponse
{
    public List<CloudApiTier>? Tiers { get; set; }
}

/// <summary>The answer to <c>GET /1.0/status</c>; the time comes without a zone and is UTC.</summary>
internal sealed class StatusResponse
{
    public DateTimeOffset? CurrentTime { get; set; }
}
