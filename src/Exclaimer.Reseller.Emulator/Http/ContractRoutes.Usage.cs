using Exclaimer.Reseller.Emulator.Contract;

namespace Exclaimer.Reseller.Emulator.Http;

/// <content>Mailbox usage (R23): the allocation, and the usage extension (docs/emulator.md).</content>
internal sealed partial class ContractRoutes
{
    private void AddUsageRoutes()
    {
        var ctx = EmulatorJsonContext.Default;
        Add("GET", "1.0/mailbox-allocation", async (_, _, ct) =>
            EmulatorResponse.Json(200, await _engine.MailboxAllocationAsync(ct).ConfigureAwait(false), ctx.MailboxAllocationAnswer));

        // Extension: the mail a subscription is to have seen, since the emulator serves none.
        Add("PUT", "_emulator/1.0/subscriptions/{id}/usage", (request, values, ct) => NoContentAsync(_engine.SetUsageAsync(values[0], request.Read(ctx.UsageBody), ct)));
    }
}
