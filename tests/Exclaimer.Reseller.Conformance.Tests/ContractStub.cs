using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Exclaimer.Reseller.Conformance.Tests;

/// <summary>
/// A stateless stand-in for the real Exclaimer Cloud API (WireMock.Net), answering with the contract's own examples
/// (openapi.json, carried in the Cloud API tests' Fixtures): what the real service is documented to send. Only what a
/// stateless stub cannot do is changed: a list's example continuation token is dropped (the example shows page 6 of 21)
/// so the list ends, and the example users' first one is the example subscription's owner.
/// </summary>
public sealed class ContractStub : IDisposable
{
    private const string Prefix = "/exclaimerapi";

    public ContractStub()
    {
        Server = WireMockServer.Start();

        // Any request without the right token is refused, as the API does (R1).
        Server.Given(Request.Create().UsingAnyMethod().WithHeader("ExAPIToken", new WildcardMatcher(MatchBehaviour.RejectOnMatch, ConformanceData.Token)))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(401));

        Get("/1.0/status", Example("status.json"));
        Get("/1.0/reference/data-centers", Example("data-centers.json"));
        Get("/1.0/reference/skus", Example("skus.json"));
        Get("/1.0/reference/tiers", Example("tiers.json"));

        var page = Example("subscriptions-page.json");
        page.Remove("ContinuationToken");
        page["SubscriptionCount"] = page["Subscriptions"]!.AsArray().Count;
        Get("/1.0/subscriptions", page);
        foreach (var item in page["Subscriptions"]!.AsArray())
        {
            Get("/1.0/subscriptions/" + item!["SubscriptionID"]!.GetValue<string>(), new JsonObject { ["Subscription"] = item.DeepClone() });
        }

        var users = Example("subscription-users.json");
        users.Remove("ContinuationToken");
        users["UserCount"] = users["Users"]!.AsArray().Count;
        users["Users"]![0]!["UserID"] = page["Subscriptions"]![0]!["UserID"]!.DeepClone();
        Get($"/1.0/subscriptions/{ConformanceData.First.Id}/users", users);
        Get($"/1.0/subscriptions/{ConformanceData.First.Id}/mailbox-count", Example("mailbox-count.json"));

        var customers = Example("end-users.json");
        customers.Remove("ContinuationToken");
        customers["EndUserCount"] = customers["EndUsers"]!.AsArray().Count;
        Get("/1.0/end-users", customers);

        // A create answers with the example's shape; the subscription it made reads back as the example subscription does.
        var created = Example("add-subscription-specified.json");
        created["SubscriptionID"] = ConformanceData.Created.Id;
        Server.Given(Request.Create().WithPath(Prefix + "/v2.0/subscriptions").UsingPost().WithHeader("Content-Type", "application/json*", MatchBehaviour.AcceptOnMatch))
            .RespondWith(Json(created));
        var subscription = Example("subscription.json");
        subscription["Subscription"]!["SubscriptionID"] = ConformanceData.Created.Id;
        subscription["Subscription"]!["Name"] = ConformanceData.Created.Name;
        subscription["Subscription"]!["NumberOfUsers"] = ConformanceData.Created.Users;
        Get("/1.0/subscriptions/" + ConformanceData.Created.Id, subscription);

        // Anything else is an unknown id or route.
        Server.Given(Request.Create().UsingAnyMethod()).AtPriority(100).RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/json").WithBody("{\"Message\":\"Not found\"}"));
    }

    public WireMockServer Server { get; }

    public Uri Endpoint => new(Server.Url! + Prefix);

    public void Dispose() => Server.Stop();

    private static JsonObject Example(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", file)))!.AsObject();

    private static IResponseBuilder Json(JsonNode body) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json; charset=utf-8").WithBody(body.ToJsonString());

    private void Get(string path, JsonNode body) =>
        Server.Given(Request.Create().WithPath(Prefix + path).UsingGet()).AtPriority(10).RespondWith(Json(body));
}

/// <summary>The conformance suite against stubs built from the contract's examples: what the real API is documented to answer.</summary>
public sealed class ContractStubConformance : ConformanceTests, IClassFixture<ContractStub>
{
    private readonly ResellerClientHolder _clients;

    public ContractStubConformance(ContractStub stub) => _clients = new ResellerClientHolder(stub.Endpoint);

    protected override Sdk.ResellerClient Client => _clients.Client;

    protected override Sdk.ResellerClient ClientWithWrongToken => _clients.WrongToken;

    private sealed class ResellerClientHolder
    {
        public ResellerClientHolder(Uri endpoint)
        {
            Client = new Sdk.ResellerClient(new Sdk.ResellerClientOptions { ApiToken = ConformanceData.Token, Endpoint = endpoint, ResellerAdminEmail = ConformanceData.AdminEmail, Retry = { MaxRetries = 0 } });
            WrongToken = new Sdk.ResellerClient(new Sdk.ResellerClientOptions { ApiToken = "not-the-token", Endpoint = endpoint, Retry = { MaxRetries = 0 } });
        }

        public Sdk.ResellerClient Client { get; }

        public Sdk.ResellerClient WrongToken { get; }
    }
}
