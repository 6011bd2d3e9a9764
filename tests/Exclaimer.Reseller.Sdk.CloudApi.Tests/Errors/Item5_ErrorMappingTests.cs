using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Errors;

/// <summary>Issue item 5: one exception family for failed calls, with status, error body and request id; never a raw JsonException.</summary>
public sealed class Item5_ErrorMappingTests : IDisposable
{
    private readonly FakeCloudApi _api = new();
    private readonly CloudApiClient _sdk;

    public Item5_ErrorMappingTests()
    {
        _sdk = new CloudApiClient(_api, o => o.Retry.MaxRetries = 1);
        _api.Add("contoso");
    }

    public void Dispose()
    {
        _sdk.Dispose();
        _api.Dispose();
    }

    [Fact]
    public async Task Item5_a_refused_token_is_a_401_ResellerAuthenticationException()
    {
        using var sdk = new CloudApiClient(_api, o => o.ApiToken = "not-the-token");

        var error = await Assert.ThrowsAsync<ResellerAuthenticationException>(() => sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal(401, error.Status);
        Assert.Equal("Unauthorized", error.ErrorCode);
        Assert.Contains("ApiToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item5_a_403_is_a_Forbidden_ResellerAuthenticationException_with_the_request_id()
    {
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 403, Body = "{\"Message\":\"No permission.\"}", Headers = new Dictionary<string, string> { ["x-request-id"] = "req-403-1" } });

        var error = await Assert.ThrowsAsync<ResellerAuthenticationException>(() => _sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal(403, error.Status);
        Assert.Equal("Forbidden", error.ErrorCode);
        Assert.Equal("req-403-1", error.RequestId);
        Assert.Equal("{\"Message\":\"No permission.\"}", error.ErrorBody);
        Assert.Contains("No permission.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item5_an_unknown_subscription_is_a_ResellerNotFoundException_naming_it()
    {
        var error = await Assert.ThrowsAsync<ResellerNotFoundException>(() => _sdk.Client.GetSubscriptionAsync("nope"));

        Assert.Equal(404, error.Status);
        Assert.Equal("SubscriptionNotFound", error.ErrorCode);
        Assert.Equal("nope", error.Target);
    }

    [Fact]
    public async Task Item5_an_unknown_route_is_a_RouteNotFound_pointing_at_the_segment()
    {
        using var sdk = new CloudApiClient(_api, o => o.ApiSegment = "wrongsegment");

        var error = await Assert.ThrowsAsync<ResellerNotFoundException>(() => sdk.Client.GetSubscriptionsAsync().AsPages().FirstAsync().AsTask());

        Assert.Equal("RouteNotFound", error.ErrorCode);
        Assert.Contains("ApiSegment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item5_a_415_is_mapped_not_thrown_raw()
    {
        _api.Inject(new Fault { Method = "PUT", PathEndsWith = "/contoso/mailbox-count", Status = 415, Body = "Unsupported Media Type", ContentType = "text/plain" });

        var error = await Assert.ThrowsAsync<ResellerException>(() => _sdk.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { UserCount = 30 }));

        Assert.Equal(415, error.Status);
        Assert.Equal("UnsupportedMediaType", error.ErrorCode);
        Assert.Equal("Unsupported Media Type", error.ErrorBody);
    }

    [Fact]
    public async Task Item5_a_400_with_missing_fields_names_them_as_the_caller_knows_them()
    {
        _api.Inject(new Fault
        {
            Method = "POST",
            PathEndsWith = "/v2.0/subscriptions",
            Status = 400,
            Body = "{\"Message\":\"Missing fields\",\"MissingFields\":[\"MailboxCount\",\"EndUser.Domain\"]}",
        });

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "Contoso Ltd",
            UserCount = 25,
            SubscriptionId = "new-one",
            Domain = "contoso.com",
        }));

        Assert.Equal(400, error.Status);
        Assert.Equal("MissingField", error.ErrorCode);
        Assert.Equal("UserCount", error.FieldName);
        Assert.Contains("(UserCount, Domain)", error.Message, StringComparison.Ordinal);
        Assert.Contains("MissingFields", error.ErrorBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item5_a_problem_details_400_is_read_too()
    {
        _api.Inject(new Fault
        {
            Method = "PUT",
            PathEndsWith = "/subscriptions/contoso",
            Status = 400,
            Body = "{\"title\":\"One or more validation errors occurred.\",\"errors\":{\"SubscriptionName\":[\"The field SubscriptionName must be a string with a maximum length of 100.\"]}}",
        });

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.UpdateSubscriptionAsync("contoso", new UpdateSubscriptionOptions { CustomerName = "Contoso" }));

        Assert.Equal("CustomerName", error.FieldName);
        Assert.Equal("InvalidField", error.ErrorCode);
    }

    [Fact]
    public async Task Item5_malformed_json_in_a_success_is_an_InvalidResponse_not_a_JsonException()
    {
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 200, Body = "{\"Subscription\":{\"SubscriptionID\":\"contoso\",\"NumberOfUsers\":" });

        var error = await Assert.ThrowsAsync<ResellerException>(() => _sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Equal(200, error.Status);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task Item5_a_wrongly_typed_field_is_an_InvalidResponse_not_a_JsonException()
    {
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 200, Body = "{\"Subscription\":{\"SubscriptionID\":\"contoso\",\"InTrial\":\"perhaps\"}}" });

        var error = await Assert.ThrowsAsync<ResellerException>(() => _sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal("InvalidResponse", error.ErrorCode);
    }

    [Fact]
    public async Task Item5_an_empty_or_null_success_body_is_an_InvalidResponse()
    {
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 200, Body = "null" });

        var error = await Assert.ThrowsAsync<ResellerException>(() => _sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal("InvalidResponse", error.ErrorCode);
    }

    [Fact]
    public async Task Item5_an_html_page_in_place_of_json_is_an_InvalidResponse_with_the_page_as_error_body()
    {
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 200, ContentType = "text/html", Body = "<html><body>Sign in to the proxy</body></html>" });

        var error = await Assert.ThrowsAsync<ResellerException>(() => _sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal("InvalidResponse", error.ErrorCode);
        Assert.Contains("text/html", error.Message, StringComparison.Ordinal);
        Assert.Contains("Sign in to the proxy", error.ErrorBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item5_an_html_error_page_is_kept_as_the_error_body()
    {
        _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = 502, ContentType = "text/html", Body = "<html><h1>502 Bad Gateway</h1></html>", Times = 2 });

        var error = await Assert.ThrowsAsync<ResellerException>(() => _sdk.Client.GetSubscriptionAsync("contoso"));

        Assert.Equal(502, error.Status);
        Assert.Equal("ServiceUnavailable", error.ErrorCode);
        Assert.Equal("<html><h1>502 Bad Gateway</h1></html>", error.ErrorBody);
        Assert.Contains("2 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Item5_unknown_enum_values_and_unknown_properties_are_tolerated()
    {
        _api.Server.Given(Request.Create().WithPath("/exclaimerapi/1.0/subscriptions/future").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                "{\"Subscription\":{\"SubscriptionID\":\"future\",\"Name\":\"Future Ltd\",\"Status\":\"Frozen\",\"Tier\":\"ExclaimerUltra\",\"SKU\":\"EXCL-X-ULTRA\","
                + "\"HologramCount\":3,\"Nested\":{\"Deep\":[1,2,{\"x\":null}]}},\"Extra\":true}"));

        var subscription = await _sdk.Client.GetSubscriptionAsync("future");

        Assert.Equal("Future Ltd", subscription.CustomerName);
        Assert.Equal(SubscriptionStatus.Unknown, subscription.Status);
        Assert.Equal(Tier.Unknown, subscription.Tier);
        Assert.Equal(Product.Unknown, subscription.Product);
    }

    [Fact]
    public async Task Item5_an_unreachable_server_is_a_ConnectionFailed_error()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var transport = new ResellerClient(new ResellerClientOptions { ApiToken = "t", Endpoint = new Uri($"http://127.0.0.1:{port}"), Retry = { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1) } });

        var error = await Assert.ThrowsAsync<ResellerException>(() => transport.GetSubscriptionAsync("contoso", default));

        Assert.Equal("ConnectionFailed", error.ErrorCode);
    }

    [Fact]
    public async Task R17_create_without_a_domain_is_refused_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "Contoso Ltd",
            UserCount = 25,
        }));

        Assert.Equal("Domain", error.FieldName);
        Assert.Equal("R3", error.Rule);
        Assert.Empty(_api.Hits);
    }

    [Fact]
    public async Task R4_create_without_customer_access_needs_the_reseller_admin_address()
    {
        using var sdk = new CloudApiClient(_api, o => o.ResellerAdminEmail = null);

        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "Contoso Ltd",
            UserCount = 25,
            Domain = "contoso.com",
        }));

        Assert.Equal("ResellerAdminEmail", error.FieldName);
        Assert.Equal("R4", error.Rule);
        Assert.Empty(_api.Hits);
    }

    [Fact]
    public async Task R5_the_same_input_rules_as_the_local_engine_apply_before_anything_is_sent()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.CreateSubscriptionAsync(new CreateSubscriptionOptions
        {
            Product = Product.Microsoft365,
            CustomerName = "Contoso Ltd",
            UserCount = 25,
            Domain = "contoso.com",
            AllowCustomerEditing = true,
            ContactName = "Anna",
        }));

        Assert.Equal("ContactEmail", error.FieldName);
        Assert.Equal("R5", error.Rule);
        Assert.Empty(_api.Hits);
    }

    [Fact]
    public async Task R2_a_continuation_token_that_is_not_one_is_refused()
    {
        var error = await Assert.ThrowsAsync<ResellerValidationException>(() => _sdk.Client.GetSubscriptionsAsync().AsPages("1&ActiveOnly=true").FirstAsync().AsTask());

        Assert.Equal("ContinuationToken", error.FieldName);
        Assert.Empty(_api.Hits);
    }

    [Fact]
    public async Task Item5_every_failure_is_a_ResellerException()
    {
        var failures = new List<Exception>();
        foreach (var status in new[] { 400, 401, 403, 404, 409, 415, 429, 500 })
        {
            _api.Inject(new Fault { Method = "GET", PathEndsWith = "/subscriptions/contoso", Status = status, Body = "<html>" + status + "</html>", ContentType = "text/html", Times = status is 429 or 500 ? 2 : 1 });
            failures.Add(await Assert.ThrowsAnyAsync<Exception>(() => _sdk.Client.GetSubscriptionAsync("contoso")));
        }

        Assert.All(failures, failure => Assert.IsAssignableFrom<ResellerException>(failure));
        Assert.Equal(new[] { 400, 401, 403, 404, 409, 415, 429, 500 }, failures.Cast<ResellerException>().Select(f => f.Status));
    }
}
