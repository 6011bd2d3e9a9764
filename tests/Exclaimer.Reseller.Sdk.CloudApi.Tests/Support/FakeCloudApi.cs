using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using WireMock;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Exclaimer.Reseller.Sdk.CloudApi.Tests.Support;

/// <summary>
/// A stateful stand-in for the Exclaimer Cloud API on a free loopback port (WireMock.Net), following the contract:
/// PascalCase JSON, 204 for changes, ContinuationToken paging, 400 with a list of missing fields, 403 for the owner,
/// 404 for unknown ids. Faults (statuses, delays, dropped connections before or after processing) are injected in
/// front of it, and every request is logged for contract assertions.
/// </summary>
internal sealed class FakeCloudApi : IDisposable
{
    public const string Token = "tok-9F8E7D6C5B4A-secret";
    public const string Segment = "exclaimerapi";

    private readonly object _gate = new();
    private readonly List<Fault> _faults = new();
    private readonly List<FakeSubscription> _subscriptions = new();
    private readonly List<JsonObject> _endUsers = new();

    public FakeCloudApi(string segment = Segment)
    {
        Prefix = "/" + segment;
        Server = WireMockServer.Start(new WireMockServerSettings
        {
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(InjectFaultsAsync),
        });
        Map();
    }

    public WireMockServer Server { get; }

    public string Prefix { get; }

    public Uri Endpoint => new(Server.Url!);

    /// <summary>Every request that reached the server, faulted or not: "METHOD /path?query".</summary>
    public ConcurrentQueue<string> Hits { get; } = new();

    /// <summary>The requests the fake processed (not those a fault answered or dropped first).</summary>
    public IReadOnlyList<IRequestMessage> Requests => Server.LogEntries.Select(entry => entry.RequestMessage).ToArray();

    public IReadOnlyList<FakeSubscription> Subscriptions
    {
        get
        {
            lock (_gate)
            {
                return _subscriptions.ToArray();
            }
        }
    }

    public void Inject(Fault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    public FakeSubscription Add(string id, string name = "Contoso Ltd", string sku = "EXCL-M-STAND", int users = 25, string status = "Active", bool inTrial = true, string owner = "admin@reseller.example")
    {
        var subscription = new FakeSubscription(id, name, sku, users, status, inTrial);
        subscription.Users.Add(new FakeUser(owner, "owner-" + id, new List<string> { "Admin" }));
        subscription.OwnerUserId = "owner-" + id;
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    public void AddEndUser(string id, string companyName, string countryCode)
    {
        lock (_gate)
        {
            _endUsers.Add(new JsonObject { ["EndUserID"] = id, ["CompanyName"] = companyName, ["CountryCode"] = countryCode });
        }
    }

    /// <summary>Options pointing at this server, with tiny retry delays so the suite stays fast.</summary>
    public ResellerClientOptions Options(Action<ResellerClientOptions>? adjust = null)
    {
        var options = new ResellerClientOptions {
            ApiToken = Token,
            Endpoint = Endpoint,
            ResellerAdminEmail = "admin@reseller.example",
            ResellerDomain = "reseller.example",
            Retry = { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), AttemptTimeout = TimeSpan.FromSeconds(10), OverallTimeout = TimeSpan.FromSeconds(30) },
        };
        adjust?.Invoke(options);
        return options;
    }

    /// <summary>Answers one route with a fixed status and body (a contract example), ahead of the stateful routes.</summary>
    public void Stub(string method, string pathBelowSegment, int status = 204, string? body = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (body is not null)
        {
            response = response.WithHeader("Content-Type", "application/json").WithBody(body);
        }

        Server.Given(Request.Create().WithPath(Prefix + pathBelowSegment).UsingMethod(method)).AtPriority(1).RespondWith(response);
    }

    public IReadOnlyList<IRequestMessage> RequestsTo(string method, string pathBelowSegment) =>
        Requests.Where(r => r.Method == method && r.AbsolutePath == Prefix + pathBelowSegment).ToArray();

    public void Dispose() => Server.Stop();

    private static ResponseMessage Json(int status, JsonNode body) => Text(status, body.ToJsonString());

    private static ResponseMessage Text(int status, string body, string contentType = "application/json; charset=utf-8")
    {
        var response = new ResponseMessage
        {
            StatusCode = status,
            BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 },
        };
        response.AddHeader("Content-Type", contentType);
        return response;
    }

    private static ResponseMessage NoContent() => new() { StatusCode = 204 };

    private static ResponseMessage Problem(int status, string message, params string[] fields)
    {
        var body = new JsonObject { ["Message"] = message };
        if (fields.Length > 0)
        {
            body["MissingFields"] = new JsonArray(fields.Select(f => (JsonNode?)JsonValue.Create(f)).ToArray());
        }

        return Json(status, body);
    }

    private static JsonNode? Body(IRequestMessage request) =>
        string.IsNullOrEmpty(request.Body) ? null : JsonNode.Parse(request.Body!);

    private static string? Query(IRequestMessage request, string name) =>
        request.Query?.FirstOrDefault(q => q.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    private async Task InjectFaultsAsync(HttpContext context, Func<Task> next)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        Hits.Enqueue(context.Request.Method + " " + path + context.Request.QueryString.Value);
        Fault? fault;
        lock (_gate)
        {
            fault = _faults.FirstOrDefault(f => f.Times > 0 && f.Method == context.Request.Method && path.EndsWith(f.PathEndsWith, StringComparison.Ordinal));
            if (fault is not null)
            {
                fault.Times--;
            }
        }

        if (fault is null)
        {
            await next();
            return;
        }

        if (fault.DropBeforeProcessing)
        {
            context.Abort();
            return;
        }

        if (fault.DropAfterProcessing)
        {
            context.Response.Body = new MemoryStream();
            await next();
            context.Abort();
            return;
        }

        if (fault.Delay is { } delay)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await next();
            return;
        }

        context.Response.StatusCode = fault.Status ?? 500;
        foreach (var header in fault.Headers)
        {
            context.Response.Headers[header.Key] = header.Value;
        }

        if (fault.Body is not null)
        {
            context.Response.ContentType = fault.ContentType;
            await context.Response.WriteAsync(fault.Body);
        }
    }

    private void Map()
    {
        var id = "[^/]+";
        Route("POST", "/v2.0/subscriptions", Create);
        Route("GET", "/1.0/subscriptions", List);
        Route("GET", $"/1.0/subscriptions/{id}", request => WithSubscription(request, s => Json(200, new JsonObject { ["Subscription"] = s.ToJson() })));
        Route("PUT", $"/1.0/subscriptions/{id}", request => WithSubscription(request, s =>
        {
            s.Name = Body(request)?["SubscriptionName"]?.GetValue<string>() ?? s.Name;
            return NoContent();
        }));
        Route("PUT", $"/1.0/subscriptions/{id}/mailbox-count", request => WithSubscription(request, s =>
        {
            var count = Body(request)?["MailboxCount"]?.GetValue<int>() ?? 0;
            if (count < 1)
            {
                return Problem(400, "Missing fields", "MailboxCount");
            }

            s.NumberOfUsers = count;
            return NoContent();
        }));
        Route("PUT", $"/1.0/subscriptions/{id}/activate-full", request => WithSubscription(request, s =>
        {
            if (!s.InTrial)
            {
                return Problem(400, "The subscription is not in a trial.");
            }

            s.InTrial = false;
            return NoContent();
        }));
        Route("PUT", $"/1.0/subscriptions/{id}/deactivate", request => WithSubscription(request, s =>
        {
            if (s.Status != "Active")
            {
                return Problem(400, "Only an active subscription can be deactivated.");
            }

            s.Status = "Suspended";
            return NoContent();
        }));
        Route("PUT", $"/1.0/subscriptions/{id}/end", request => WithSubscription(request, s =>
        {
            if (s.Status is "Ended" or "Cancelled")
            {
                return Problem(400, "The subscription has already ended.");
            }

            s.Status = "Ended";
            return NoContent();
        }));
        Route("PUT", $"/1.0/subscriptions/{id}/reactivate", request => WithSubscription(request, s =>
        {
            var restart = Body(request)?["InTrial"]?.GetValue<bool>() ?? false;
            if (s.Status == "Active" && restart)
            {
                return Problem(400, "An active subscription cannot restart its trial.");
            }

            s.Status = "Active";
            s.InTrial = restart || s.InTrial;
            return NoContent();
        }));
        Route("GET", $"/1.0/subscriptions/{id}/mailbox-count", request => WithSubscription(request, s => Json(200, new JsonObject { ["MailboxCount"] = 23, ["ClientSideMailboxCount"] = 29 })));
        Route("GET", $"/1.0/subscriptions/{id}/users", request => WithSubscription(request, s =>
            Json(200, new JsonObject
            {
                ["Users"] = new JsonArray(s.Users.Select(u => (JsonNode?)u.ToJson()).ToArray()),
                ["UserCount"] = s.Users.Count,
            })));
        Route("POST", $"/1.0/subscriptions/{id}/users", request => WithSubscription(request, s =>
        {
            var body = Body(request)!;
            var email = body["EmailAddress"]?.GetValue<string>();
            var userId = body["UserID"]?.GetValue<string>();
            if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(userId))
            {
                return Problem(400, "Missing fields", "UserID", "EmailAddress");
            }

            if (s.Users.Any(u => u.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
            {
                return Problem(400, "The user already exists on this subscription.");
            }

            var roles = body["Roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
            s.Users.Add(new FakeUser(email!, userId!, roles));
            return NoContent();
        }));
        Route("PUT", $"/1.0/subscriptions/{id}/users/{id}/roles", request => WithSubscription(request, s =>
        {
            var userId = Uri.UnescapeDataString(request.AbsolutePath.Split('/')[^2]);
            var user = s.Users.FirstOrDefault(u => u.UserId == userId);
            if (user is null)
            {
                return Problem(404, "User not found.");
            }

            var roles = Body(request)!["Roles"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
            if (userId == s.OwnerUserId && !roles.Contains("Admin", StringComparer.OrdinalIgnoreCase))
            {
                return Problem(403, "The owner must keep the Admin role.");
            }

            user.Roles = roles;
            return NoContent();
        }));
        Route("DELETE", $"/1.0/subscriptions/{id}/users/{id}", request => WithSubscription(request, s =>
        {
            var key = Uri.UnescapeDataString(request.AbsolutePath.Split('/')[^1]);
            var user = s.Users.FirstOrDefault(u => u.UserId == key || u.Email.Equals(key, StringComparison.OrdinalIgnoreCase));
            if (user is null)
            {
                return Problem(404, "User not found.");
            }

            if (user.UserId == s.OwnerUserId)
            {
                return Problem(403, "The owner of a subscription cannot be deleted.");
            }

            s.Users.Remove(user);
            return NoContent();
        }));
        Route("GET", "/1.0/end-users", request =>
        {
            lock (_gate)
            {
                return Page(request, _endUsers.Select(e => (JsonNode)e.DeepClone()).ToList(), "EndUsers");
            }
        });
    }

    private void Route(string method, string pathPattern, Func<IRequestMessage, ResponseMessage> respond) =>
        Server
            .Given(Request.Create().WithPath(new RegexMatcher("^" + Prefix + pathPattern.Replace(".", "\\.", StringComparison.Ordinal) + "$")).UsingMethod(method))
            .AtPriority(1000)
            .RespondWith(Response.Create().WithCallback(request =>
            {
                if (!request.Headers!.TryGetValue("ExAPIToken", out var token) || token.FirstOrDefault() != Token)
                {
                    return Problem(401, "Unauthorized");
                }

                if (request.Body is { Length: > 0 } && !(request.Headers.TryGetValue("Content-Type", out var type) && type.FirstOrDefault() == "application/json"))
                {
                    return Problem(415, "Unsupported Media Type");
                }

                lock (_gate)
                {
                    return respond(request);
                }
            }));

    private ResponseMessage WithSubscription(IRequestMessage request, Func<FakeSubscription, ResponseMessage> respond)
    {
        var id = Uri.UnescapeDataString(request.AbsolutePath.Substring((Prefix + "/1.0/subscriptions/").Length).Split('/')[0]);
        var subscription = _subscriptions.FirstOrDefault(s => s.Id == id);
        return subscription is null ? Problem(404, "Subscription not found.") : respond(subscription);
    }

    private ResponseMessage Create(IRequestMessage request)
    {
        var body = Body(request)!;
        var missing = new[] { "EmailAddress", "MailboxCount", "CountryCode", "SKU" }.Where(f => body[f] is null).ToList();
        if (body["EndUser"]?["Domain"] is null)
        {
            missing.Add("EndUser.Domain");
        }

        if (missing.Count > 0)
        {
            return Problem(400, "Missing fields", missing.ToArray());
        }

        var id = body["SubscriptionID"]?.GetValue<string>() ?? Guid.NewGuid().ToString("N").Substring(0, 30);
        if (_subscriptions.Any(s => s.Id == id))
        {
            return Problem(400, "A subscription with this SubscriptionID already exists.");
        }

        var skipTrial = body["SkipTrial"]?.GetValue<bool>() ?? false;
        var subscription = new FakeSubscription(
            id,
            body["SubscriptionName"]?.GetValue<string>() ?? "Unnamed",
            body["SKU"]!.GetValue<string>(),
            body["MailboxCount"]!.GetValue<int>(),
            "Active",
            !skipTrial);
        var ownerId = "owner-" + id;
        subscription.OwnerUserId = ownerId;
        subscription.Users.Add(new FakeUser(body["EmailAddress"]!.GetValue<string>(), ownerId, new List<string> { "Admin" }));
        _subscriptions.Add(subscription);
        return Json(200, new JsonObject { ["SubscriptionID"] = id, ["UserID"] = ownerId });
    }

    private ResponseMessage List(IRequestMessage request)
    {
        IEnumerable<FakeSubscription> all = _subscriptions;
        if (string.Equals(Query(request, "ActiveOnly"), "true", StringComparison.OrdinalIgnoreCase))
        {
            all = all.Where(s => s.Status == "Active");
        }

        return Page(request, all.Select(s => (JsonNode)s.ToJson()).ToList(), "Subscriptions");
    }

    /// <summary>Paging as documented: Page/PageSize, or a ContinuationToken that carries position and page size.</summary>
    private static ResponseMessage Page(IRequestMessage request, List<JsonNode> items, string name)
    {
        int offset;
        int size;
        if (Query(request, "ContinuationToken") is { } token && token != "0")
        {
            var value = long.Parse(token, CultureInfo.InvariantCulture);
            offset = (int)(value / 1000);
            size = (int)(value % 1000);
        }
        else
        {
            size = Math.Min(200, int.TryParse(Query(request, "PageSize"), out var s) ? s : 50);
            offset = ((int.TryParse(Query(request, "Page"), out var p) ? p : 1) - 1) * size;
        }

        var page = items.Skip(offset).Take(size).ToList();
        var body = new JsonObject
        {
            [name] = new JsonArray(page.Select(i => (JsonNode?)i).ToArray()),
            [name.TrimEnd('s') + "Count"] = items.Count,
            ["PageSize"] = size,
        };
        if (offset + size < items.Count)
        {
            body["ContinuationToken"] = (long)(offset + size) * 1000 + size;
        }

        return Json(200, body);
    }
}

/// <summary>A subscription as the fake Cloud API holds it.</summary>
internal sealed class FakeSubscription
{
    public FakeSubscription(string id, string name, string sku, int numberOfUsers, string status, bool inTrial)
    {
        Id = id;
        Name = name;
        Sku = sku;
        NumberOfUsers = numberOfUsers;
        Status = status;
        InTrial = inTrial;
    }

    public string Id { get; }

    public string Name { get; set; }

    public string Sku { get; set; }

    public int NumberOfUsers { get; set; }

    public string Status { get; set; }

    public bool InTrial { get; set; }

    public string? OwnerUserId { get; set; }

    public List<FakeUser> Users { get; } = new();

    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["SubscriptionID"] = Id,
            ["Name"] = Name,
            ["UserID"] = OwnerUserId,
            ["StartDate"] = "2025-09-02T07:54:59.836885Z",
            ["NumberOfUsers"] = NumberOfUsers,
            ["Currency"] = "GBP",
            ["Status"] = Status,
            ["InTrial"] = InTrial,
            ["Tier"] = Sku.Contains("-PRO", StringComparison.Ordinal) ? "ExclaimerPro" : Sku.Contains("-START", StringComparison.Ordinal) ? "ExclaimerStarter" : "ExclaimerStandard",
            ["SKU"] = Sku,
        };
        if (InTrial && Status is "Active" or "Suspended")
        {
            json["TrialEndDate"] = "2025-09-16T07:54:59.836885Z";
        }

        return json;
    }
}

/// <summary>A user of a fake subscription.</summary>
internal sealed class FakeUser
{
    public FakeUser(string email, string userId, List<string> roles)
    {
        Email = email;
        UserId = userId;
        Roles = roles;
    }

    public string Email { get; }

    public string UserId { get; }

    public List<string> Roles { get; set; }

    public JsonObject ToJson() =>
        new() { ["Email"] = Email, ["UserID"] = UserId, ["Roles"] = new JsonArray(Roles.Select(r => (JsonNode?)JsonValue.Create(r)).ToArray()) };
}
