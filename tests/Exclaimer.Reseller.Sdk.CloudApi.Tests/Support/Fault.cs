using System;
using System.Collections.Generic;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Support;

/// <summary>What the fake Cloud API does to a matching request instead of (or before) answering it normally.</summary>
internal sealed record Fault
{
    public string Method { get; init; } = "GET";

    /// <summary>The request path must end with this (below the API segment), e.g. <c>/1.0/subscriptions/contoso</c>.</summary>
    public string PathEndsWith { get; init; } = "/";

    /// <summary>How many matching requests it applies to.</summary>
    public int Times { get; set; } = 1;

    /// <summary>Answer with this status (and <see cref="Body"/>, <see cref="ContentType"/>, <see cref="Headers"/>) without processing.</summary>
    public int? Status { get; init; }

    public string? Body { get; init; }

    public string ContentType { get; init; } = "application/json";

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Wait this long, then process normally.</summary>
    public TimeSpan? Delay { get; init; }

    /// <summary>Reset the connection before the server sees the request.</summary>
    public bool DropBeforeProcessing { get; init; }

    /// <summary>Let the server process the request, then reset the connection instead of answering: a lost response.</summary>
    public bool DropAfterProcessing { get; init; }
}
