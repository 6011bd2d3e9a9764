using Exclaimer.Reseller.Emulator.Contract;

namespace Exclaimer.Reseller.Emulator.Http;

/// <content>The owner (R20) and the reseller and end user a subscription belongs to (R22).</content>
internal sealed partial class ContractRoutes
{
    private void AddOwnershipRoutes()
    {
        var ctx = EmulatorJsonContext.Default;
        Add("POST", "1.0/subscriptions/{id}/change-owner", (request, values, ct) => NoContentAsync(_engine.ChangeOwnerAsync(values[0], request.Read(ctx.ChangeOwnerBody), ct)));
        Add("POST", "1.0/subscriptions/{id}/migrate", (request, values, ct) => NoContentAsync(_engine.MigrateAsync(values[0], request.Read(ctx.MigrateBody), ct)));
    }
}
