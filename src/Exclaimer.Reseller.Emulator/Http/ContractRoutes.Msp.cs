using System;
using System.Globalization;
using System.Linq;
using Exclaimer.Reseller.Emulator.Contract;
using Exclaimer.Reseller.Emulator.Engine;
using Exclaimer.Reseller.Emulator.Storage;

namespace Exclaimer.Reseller.Emulator.Http;

/// <content>The MSP operations (R24), 403 for a partner that is not an MSP.</content>
internal sealed partial class ContractRoutes
{
    private void AddMspRoutes()
    {
        var ctx = EmulatorJsonContext.Default;
        Add("POST", "1.0/msp/subscriptions", async (request, _, ct) =>
        {
            var created = await _engine.CreateMspAsync(request.Read(ctx.AddMspBody), ct).ConfigureAwait(false);
            return EmulatorResponse.Json(200, new AddMspAnswer { SubscriptionId = created.Id }, ctx.AddMspAnswer);
        });
        Add("GET", "1.0/msp/subscriptions", async (request, _, ct) =>
        {
            _engine.RequireMsp();
            var usage = Usage(request);
            var (start, size, startIsPosition) = request.PagingFrom();
            var (items, total, next) = await _engine.ListMspAsync(start, startIsPosition, size, ct).ConfigureAwait(false);
            return EmulatorResponse.Json(200, new MspSubscriptionsAnswer
            {
                Subscriptions = items.Select(record => MspAnswer(record, usage)).ToList(),
                SubscriptionCount = total,
                ContinuationToken = EmulatorRequest.Token(next, size),
                Page = (start / size) + 1,
                PageSize = size,
            }, ctx.MspSubscriptionsAnswer);
        });
        Add("GET", "1.0/msp/subscriptions/{id}", async (request, values, ct) =>
        {
            _engine.RequireMsp();
            var usage = Usage(request);
            var record = await _engine.GetMspAsync(values[0], ct).ConfigureAwait(false);
            return EmulatorResponse.Json(200, new SingleMspSubscriptionAnswer { Subscription = MspAnswer(record, usage) }, ctx.SingleMspSubscriptionAnswer);
        });
        Add("GET", "1.0/msp/subscriptions/{id}/status", async (_, values, ct) =>
        {
            var record = await _engine.GetMspAsync(values[0], ct).ConfigureAwait(false);

            // Onboarded once the connection to Microsoft 365 or Google is made: the emulator's start (R11).
            return EmulatorResponse.Json(200, new MspStatusAnswer { Status = record.Subscription.Status, Onboarded = ResellerEngine.IsConfigured(record.Subscription) }, ctx.MspStatusAnswer);
        });
        Add("GET", "1.0/msp/subscriptions/{id}/senders/json", async (request, values, ct) =>
        {
            _engine.RequireMsp();
            DateRange(request);
            var record = await _engine.GetMspAsync(values[0], ct).ConfigureAwait(false);
            var senders = record.Usage?.Senders ?? Array.Empty<StoredSender>();
            return EmulatorResponse.Json(200, new MspSendersAnswer
            {
                Senders = senders.Select(s => new SenderAnswer
                {
                    UserId = s.UserId,
                    Sender = s.Sender,
                    Total = s.Total,
                    ImprintedServer = s.ImprintedServer,
                    ImprintedCloud = s.ImprintedCloud,
                    ImprintedOnPremises = s.ImprintedOnPremises,
                    Outlook = s.Outlook,
                    Gmail = s.Gmail,
                }).ToList(),
            }, ctx.MspSendersAnswer);
        });
    }

    private static MspSubscriptionAnswer MspAnswer(StoredSubscription record, bool includeUsage) => new()
    {
        SubscriptionId = record.Id,
        Name = record.Subscription.Name,
        EndUserId = record.Subscription.EndUserId,
        ResellerId = record.Subscription.ResellerId,

        // The emulator keeps one figure per subscription, whatever the range asked for (docs/emulator.md).
        TotalMailboxes = includeUsage ? ResellerEngine.TotalMailboxes(record) : null,
    };

    /// <summary>Whether usage is asked for (<c>IncludeUsage</c>), with the date range checked as the contract says.</summary>
    private static bool Usage(EmulatorRequest request)
    {
        var include = request.Query("IncludeUsage") is { } text
            ? bool.TryParse(text, out var value) ? value : throw ApiProblem.BadRequest("IncludeUsage", "give true or false")
            : false;
        DateRange(request);
        return include;
    }

    /// <summary><c>DateFrom</c> and <c>DateTo</c>: YYYY-MM-DD, both or neither, the first not after the second.</summary>
    private static void DateRange(EmulatorRequest request)
    {
        var from = Date(request, "DateFrom");
        var to = Date(request, "DateTo");
        if (from is null != to is null)
        {
            throw ApiProblem.BadRequest(from is null ? "DateFrom" : "DateTo", "give DateFrom and DateTo together, or neither for the previous calendar month");
        }

        if (from > to)
        {
            throw ApiProblem.BadRequest("DateFrom", "it is after DateTo");
        }
    }

    private static DateTime? Date(EmulatorRequest request, string name) =>
        request.Query(name) is not { } text ? null
        : DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw ApiProblem.BadRequest(name, "give a date as YYYY-MM-DD");
}
