using Exclaimer.Reseller.Emulator.Contract;

namespace Exclaimer.Reseller.Emulator.Http;

/// <content>Transfers: initiate, claim, cancel (R21).</content>
internal sealed partial class ContractRoutes
{
    private void AddTransferRoutes()
    {
        var ctx = EmulatorJsonContext.Default;
        Add("POST", "1.0/subscriptions/{id}/transfer", async (_, values, ct) =>
            EmulatorResponse.Json(200, new TransferAnswer { TransferToken = await _engine.InitiateTransferAsync(values[0], ct).ConfigureAwait(false) }, ctx.TransferAnswer));
        Add("PUT", "1.0/subscriptions/{id}/transfer/cancel", (_, values, ct) => NoContentAsync(_engine.CancelTransferAsync(values[0], ct)));
        Add("POST", "1.0/subscriptions/transfer/claim", async (request, _, ct) =>
            EmulatorResponse.Json(200, new ClaimAnswer { SubscriptionId = await _engine.ClaimTransferAsync(request.Read(ctx.ClaimBody), ct).ConfigureAwait(false) }, ctx.ClaimAnswer));
    }
}
