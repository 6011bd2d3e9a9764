using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Emulator.Contract;
using Exclaimer.Reseller.Emulator.Engine;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Http;

/// <summary>
/// The contract's routes (openapi.json) and the emulator's extensions (docs/emulator.md), each mapped onto the engine.
/// A route is a method and a path below <c>/{segment}/</c> whose <c>{}</c> parts are values.
/// </summary>
internal sealed partial class ContractRoutes
{
    private readonly List<Route> _routes = new();
    private readonly ResellerEngine _engine;

    public ContractRoutes(ResellerEngine engine)
    {
        _engine = engine;
        var ctx = EmulatorJsonContext.Default;

        Add("GET", "1.0/status", (_, _, _) => Task.FromResult(EmulatorResponse.Json(200, new StatusAnswer
        {
            // The API gives its clock without a zone; it is UTC.
            CurrentTime = _engine.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        }, ctx.StatusAnswer)));
        Add("GET", "1.0/reference/data-centers", (_, _, _) => Task.FromResult(EmulatorResponse.Json(200, new DataCentersAnswer
        {
            DataCenters = ContractValues.DataCenters.Select(dc => new DataCenterAnswer
            {
                Location = dc.Location,
                Office365Code = dc.Microsoft365 ? dc.Code : null,
                GSuiteCode = dc.GoogleWorkspace ? dc.Code : null,
            }).ToList(),
        }, ctx.DataCentersAnswer)));
        Add("GET", "1.0/reference/skus", (_, _, _) => Task.FromResult(EmulatorResponse.Json(200, new SkusAnswer
        {
            Skus = ContractValues.Skus().Select(s => new SkuAnswer { Sku = s.Sku, Description = s.Description }).ToList(),
        }, ctx.SkusAnswer)));
        Add("GET", "1.0/reference/tiers", (_, _, _) => Task.FromResult(EmulatorResponse.Json(200, new TiersAnswer
        {
            Tiers = ContractValues.Tiers().Select(t => new TierAnswer { Tier = t.Tier, Description = t.Description }).ToList(),
        }, ctx.TiersAnswer)));

        Add("GET", "1.0/subscriptions", ListSubscriptionsAsync);
        Add("POST", "v2.0/subscriptions", async (request, _, ct) =>
        {
            var created = await _engine.CreateAsync(request.Read(ctx.AddSubscriptionBody), ct).ConfigureAwait(false);
            return EmulatorResponse.Json(200, new AddSubscriptionAnswer { SubscriptionId = created.Id, UserId = created.Subscription.UserId }, ctx.AddSubscriptionAnswer);
        });
        Add("GET", "1.0/subscriptions/{id}", async (_, values, ct) =>
            EmulatorResponse.Json(200, new SingleSubscriptionAnswer { Subscription = SubscriptionAnswer.From(await _engine.GetAsync(values[0], ct).ConfigureAwait(false)) }, ctx.SingleSubscriptionAnswer));
        Add("PUT", "1.0/subscriptions/{id}", (request, values, ct) => NoContentAsync(_engine.RenameAsync(values[0], request.Read(ctx.UpdateDetailsBody), ct)));
        Add("GET", "1.0/subscriptions/{id}/mailbox-count", async (_, values, ct) =>
            // The emulator serves no mail: the counts are what its usage extension was told (docs/emulator.md).
            EmulatorResponse.Json(200, await _engine.MailboxCountAsync(values[0], ct).ConfigureAwait(false), ctx.MailboxCountAnswer));
        Add("PUT", "1.0/subscriptions/{id}/mailbox-count", (request, values, ct) => NoContentAsync(_engine.SetMailboxCountAsync(values[0], request.Read(ctx.MailboxCountBody), ct)));
        Add("PUT", "1.0/subscriptions/{id}/activate-full", (_, values, ct) => NoContentAsync(_engine.ActivateFullAsync(values[0], ct)));
        Add("PUT", "1.0/subscriptions/{id}/deactivate", (_, values, ct) => NoContentAsync(_engine.DeactivateAsync(values[0], ct)));
        Add("PUT", "1.0/subscriptions/{id}/end", (_, values, ct) => NoContentAsync(_engine.EndAsync(values[0], ct)));
        Add("PUT", "1.0/subscriptions/{id}/reactivate", (request, values, ct) => NoContentAsync(_engine.ReactivateAsync(values[0], request.Read(ctx.ReactivateBody), ct)));

        Add("GET", "1.0/subscriptions/{id}/users", async (request, values, ct) =>
        {
            var (start, size) = request.Paging();
            var (items, total, next) = await _engine.ListUsersAsync(values[0], start, size, ct).ConfigureAwait(false);
            return EmulatorResponse.Json(200, new UsersAnswer
            {
                Users = items.Select(user => new UserAnswer { Email = user.Email, UserId = user.UserId, Roles = user.Roles.ToList() }).ToList(),
                UserCount = total,
                ContinuationToken = EmulatorRequest.Token(next, size),
                Page = (start / size) + 1,
                PageSize = size,
            }, ctx.UsersAnswer);
        });
        Add("POST", "1.0/subscriptions/{id}/users", (request, values, ct) => NoContentAsync(_engine.AddUserAsync(values[0], request.Read(ctx.AddUserBody), ct)));
        Add("DELETE", "1.0/subscriptions/{id}/users/{user}", (_, values, ct) => NoContentAsync(_engine.RemoveUserAsync(values[0], values[1], ct)));
        Add("PUT", "1.0/subscriptions/{id}/users/{user}/roles", (request, values, ct) => NoContentAsync(_engine.SetRolesAsync(values[0], values[1], request.Read(ctx.RolesBody), ct)));

        Add("GET", "1.0/end-users", async (request, _, ct) =>
        {
            var (start, size) = request.Paging();
            var (items, total, next) = await _engine.ListEndUsersAsync(start, size, ct).ConfigureAwait(false);
            return EmulatorResponse.Json(200, new EndUsersAnswer
            {
                EndUsers = items.ToList(),
                EndUserCount = total,
                ContinuationToken = EmulatorRequest.Token(next, size),
                Page = (start / size) + 1,
                PageSize = size,
            }, ctx.EndUsersAnswer);
        });

        // Extensions: what the real API does only in its portal (docs/emulator.md).
        Add("POST", "_emulator/1.0/subscriptions/{id}/start", async (request, values, ct) =>
        {
            var (record, configured) = await _engine.StartAsync(values[0], request.Read(ctx.StartBody), ct).ConfigureAwait(false);
            return EmulatorResponse.Json(200, new StartAnswer
            {
                Configured = configured,
                WasAlreadyConfigured = !configured,
                Deployment = record.Subscription.Deployment ?? "None",
                HomePage = _engine.HomePage(record.Id),
                Subscription = SubscriptionAnswer.From(record),
            }, ctx.StartAnswer);
        });
        Add("POST", "_emulator/1.0/subscriptions/{id}/invitation", async (_, values, ct) =>
        {
            var (record, failure) = await _engine.ResendInvitationAsync(values[0], ct).ConfigureAwait(false);
            if (failure is not null)
            {
                // The sender failed: 502, as a mail gateway that did not take the message.
                return EmulatorResponse.Problem(502, new ProblemAnswer { Message = $"The invitation for subscription '{record.Id}' could not be sent ({failure.GetType().Name}); try again later." });
            }

            var invitation = record.Invitation!;
            return EmulatorResponse.Json(200, new InvitationAnswer
            {
                Invitation = new InvitationDetailsAnswer
                {
                    SubscriptionId = invitation.SubscriptionId,
                    EmailAddress = invitation.EmailAddress,
                    Status = invitation.Status,
                    SentDate = invitation.SentDate,
                    SendCount = invitation.SendCount,
                },
            }, ctx.InvitationAnswer);
        });

        AddPlanRoutes();
        AddOwnershipRoutes();
        AddTransferRoutes();
        AddDirectoryRoutes();
        AddUsageRoutes();
        AddMspRoutes();

        // A literal segment wins over a value: GET 1.0/subscriptions/users is every user, not a subscription named "users".
        // Stable, so routes with as many values keep the order they were added in.
        var ordered = _routes.OrderBy(route => route.ValueCount).ToList();
        _routes.Clear();
        _routes.AddRange(ordered);
    }

    private delegate Task<EmulatorResponse> Handler(EmulatorRequest request, IReadOnlyList<string> values, CancellationToken cancellationToken);

    /// <summary>The route for a request: its handler and path values, or why there is none (404, or 405 for a known path).</summary>
    public Task<EmulatorResponse> DispatchAsync(EmulatorRequest request, CancellationToken cancellationToken)
    {
        foreach (var route in _routes)
        {
            if (route.Method == request.Method.Method && route.Match(request.Segments) is { } values)
            {
                return route.Handle(request, values, cancellationToken);
            }
        }

        throw ApiProblem.NotFound($"There is no route {request.Method.Method} /{request.Path}.");
    }

    private static async Task<EmulatorResponse> NoContentAsync(Task change)
    {
        await change.ConfigureAwait(false);
        return EmulatorResponse.NoContent();
    }

    private async Task<EmulatorResponse> ListSubscriptionsAsync(EmulatorRequest request, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        var (start, size, startIsPosition) = request.PagingFrom();
        var activeOnly = request.Query("ActiveOnly") is { } text && bool.TryParse(text, out var active)
            ? active
            : request.Query("ActiveOnly") is null ? false : throw ApiProblem.BadRequest("ActiveOnly", "give true or false");
        var (items, total, next) = await _engine.ListAsync(activeOnly, start, startIsPosition, size, cancellationToken).ConfigureAwait(false);
        return EmulatorResponse.Json(200, new SubscriptionsAnswer
        {
            Subscriptions = items.Select(SubscriptionAnswer.From).ToList(),
            SubscriptionCount = total,
            ContinuationToken = EmulatorRequest.Token(next, size),
            Page = (start / size) + 1,
            PageSize = size,
        }, EmulatorJsonContext.Default.SubscriptionsAnswer);
    }

    private void Add(string method, string template, Handler handle) => _routes.Add(new Route(method, template.Split('/'), handle));

    private sealed class Route
    {
        private readonly string[] _parts;

        public Route(string method, string[] parts, Handler handle)
        {
            Method = method;
            _parts = parts;
            Handle = handle;
        }

        public string Method { get; }

        public Handler Handle { get; }

        /// <summary>How many of the path's segments are values (<c>{...}</c>).</summary>
        public int ValueCount => _parts.Count(part => part.Length > 0 && part[0] == '{');

        public IReadOnlyList<string>? Match(IReadOnlyList<string> segments)
        {
            if (segments.Count != _parts.Length)
            {
                return null;
            }

            List<string>? values = null;
            for (var i = 0; i < _parts.Length; i++)
            {
                if (_parts[i].Length > 0 && _parts[i][0] == '{')
                {
                    if (segments[i].Length == 0)
                    {
                        return null;
                    }

                    (values ??= new List<string>(2)).Add(segments[i]);
                }
                else if (!string.Equals(_parts[i], segments[i], StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return (IReadOnlyList<string>?)values ?? Array.Empty<string>();
        }
    }
}
