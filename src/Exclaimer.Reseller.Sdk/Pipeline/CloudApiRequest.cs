using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Exclaimer.Reseller.Sdk.Pipeline;

/// <summary>
/// One Cloud API call as the transport means it: method, path below the API segment, and the body already
/// serialized, so every retry sends the very same bytes (the same client-generated ids, R9).
/// </summary>
internal sealed class CloudApiRequest
{
    private CloudApiRequest(HttpMethod method, string path, string? query, byte[]? body, string? subscriptionId)
    {
        Method = method;
        Path = path;
        Query = query;
        Body = body;
        SubscriptionId = subscriptionId;
    }

    public HttpMethod Method { get; }

    /// <summary>The path below the API segment, e.g. <c>1.0/subscriptions/contoso</c>.</summary>
    public string Path { get; }

    /// <summary>The query string without '?', or <see langword="null"/>.</summary>
    public string? Query { get; }

    /// <summary>The UTF-8 JSON body, or <see langword="null"/> for none.</summary>
    public byte[]? Body { get; }

    /// <summary>The subscription the call is about, for error messages and <see cref="ResellerException.Target"/>.</summary>
    public string? SubscriptionId { get; }

    /// <summary>
    /// A credential the body carries besides the API token (a transfer token being claimed), blanked like the token
    /// wherever the answer echoes it (R18); <see langword="null"/> for none.
    /// </summary>
    public string? Secret { get; private set; }

    public string PathAndQuery => Query is null ? Path : Path + "?" + Query;

    /// <summary>This request, marked as carrying <paramref name="secret"/>.</summary>
    public CloudApiRequest Carrying(string? secret)
    {
        Secret = string.IsNullOrEmpty(secret) ? null : secret;
        return this;
    }

    public static CloudApiRequest Get(string path, string? query = null, string? subscriptionId = null) =>
        new(HttpMethod.Get, path, query, null, subscriptionId);

    public static CloudApiRequest Put(string path, string? subscriptionId) =>
        new(HttpMethod.Put, path, null, null, subscriptionId);

    public static CloudApiRequest Post(string path, string? subscriptionId) =>
        new(HttpMethod.Post, path, null, null, subscriptionId);

    public static CloudApiRequest Delete(string path, string? subscriptionId) =>
        new(HttpMethod.Delete, path, null, null, subscriptionId);

    public static CloudApiRequest Json<T>(HttpMethod method, string path, T body, JsonTypeInfo<T> typeInfo, string? subscriptionId) =>
        new(method, path, null, JsonSerializer.SerializeToUtf8Bytes(body, typeInfo), subscriptionId);
}
