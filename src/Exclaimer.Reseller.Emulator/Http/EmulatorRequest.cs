using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Exclaimer.Reseller.Emulator.Http;

/// <summary>One request as the emulator's routes see it: the path below the API segment, the query, and the body.</summary>
internal sealed class EmulatorRequest
{
    private readonly Dictionary<string, string> _query;

    public EmulatorRequest(HttpMethod method, IReadOnlyList<string> segments, Dictionary<string, string> query, byte[]? body, string? contentType)
    {
        Method = method;
        Segments = segments;
        _query = query;
        Body = body;
        ContentType = contentType;
    }

    public HttpMethod Method { get; }

    /// <summary>The path below <c>/{segment}/</c>, split at '/', each part unescaped: <c>1.0</c>, <c>subscriptions</c>, <c>contoso</c>.</summary>
    public IReadOnlyList<string> Segments { get; }

    public byte[]? Body { get; }

    public string? ContentType { get; }

    public string Path => string.Join("/", Segments);

    /// <summary>A query parameter, by name in either case (the API takes PascalCase or camelCase).</summary>
    public string? Query(string name) => _query.TryGetValue(name, out var value) ? value : null;

    /// <summary>The body as <typeparamref name="T"/>; a body that does not parse is 400 Bad Request naming where.</summary>
    public T Read<T>(JsonTypeInfo<T> type)
        where T : class, new()
    {
        if (Body is not { Length: > 0 })
        {
            return new T();
        }

        try
        {
            return JsonSerializer.Deserialize(Body, type) ?? new T();
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "Body" : ex.Path!.TrimStart('$', '.');
            throw ApiProblem.BadRequest(field, "it is not the JSON the contract documents (a value of the wrong type, or not JSON at all)");
        }
    }

    /// <summary>
    /// The page a list asks for (R2): <c>ContinuationToken</c> wins over <c>Page</c>; <c>PageSize</c> defaults to 50, at
    /// most 200. The emulator's token is a position in creation order with the page size folded in, so each later page
    /// echoes it alone, as the API's tokens do.
    /// </summary>
    public (int Start, int PageSize) Paging()
    {
        var (start, size, _) = PagingFrom();
        return (start, size);
    }

    /// <summary>
    /// As <see cref="Paging"/>, and whether the start is a position in creation order (from a token) rather than a count
    /// of items to skip (from <c>Page</c>): the two differ on a filtered list such as <c>ActiveOnly</c>.
    /// </summary>
    public (int Start, int PageSize, bool StartIsPosition) PagingFrom()
    {
        var size = Number("PageSize") ?? 50;
        if (size is < 1 or > 200)
        {
            throw ApiProblem.BadRequest("PageSize", "use 1 to 200");
        }

        if (Number("ContinuationToken") is { } token && token != 0)
        {
            var start = token >> 8;
            var tokenSize = token & 0xFF;
            return token < 0 || tokenSize is < 1 or > 200
                ? throw ApiProblem.BadRequest("ContinuationToken", "pass back a token from an earlier page unchanged")
                : (start, tokenSize, true);
        }

        var page = Number("Page") ?? 1;
        return page < 1 || (long)(page - 1) * size > int.MaxValue >> 8
            ? throw ApiProblem.BadRequest("Page", "use a page number from 1")
            : ((page - 1) * size, size, false);
    }

    /// <summary>The token for the page that starts at <paramref name="next"/>, or <see langword="null"/> at the end.</summary>
    public static int? Token(int? next, int pageSize) => next is { } start ? (start << 8) | pageSize : null;

    private int? Number(string name)
    {
        var text = Query(name);
        if (text is null)
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw ApiProblem.BadRequest(name, "give a whole number");
    }
}
