using System.Linq;
using WireMock;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Support;

/// <summary>Asserts the parts of a request the Cloud API contract fixes: method, path, query, headers and body.</summary>
internal static class RequestAssert
{
    public static void Exact(IRequestMessage request, string method, string path, string? query = null, string? body = null)
    {
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.AbsolutePath);
        Assert.Equal(query ?? string.Empty, (request.RawQuery ?? string.Empty).TrimStart('?'));
        Assert.Equal(FakeCloudApi.Token, Header(request, "ExAPIToken"));
        Assert.Equal("application/json", Header(request, "Accept"));
        if (body is null)
        {
            Assert.True(string.IsNullOrEmpty(request.Body), $"{method} {path} should have no body, had: {request.Body}");
            Assert.Null(Header(request, "Content-Type"));
        }
        else
        {
            Assert.Equal("application/json", Header(request, "Content-Type"));
            Assert.Equal(body, request.Body);
        }
    }

    public static string? Header(IRequestMessage request, string name) =>
        request.Headers!.FirstOrDefault(h => h.Key.Equals(name, System.StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
}
