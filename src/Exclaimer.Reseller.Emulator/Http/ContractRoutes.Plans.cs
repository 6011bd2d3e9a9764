using System.Linq;
using Exclaimer.Reseller.Emulator.Contract;

namespace Exclaimer.Reseller.Emulator.Http;

/// <content>Plan changes and their history (R19).</content>
internal sealed partial class ContractRoutes
{
    private void AddPlanRoutes()
    {
        var ctx = EmulatorJsonContext.Default;
        Add("PUT", "1.0/subscriptions/{id}/change-tier", (request, values, ct) => NoContentAsync(_engine.ChangeTierAsync(values[0], request.Read(ctx.ChangeTierBody), ct)));
        Add("PUT", "1.0/subscriptions/{id}/change-sku", (request, values, ct) => NoContentAsync(_engine.ChangeSkuAsync(values[0], request.Read(ctx.ChangeSkuBody), ct)));
        Add("PUT", "1.0/subscriptions/{id}/nfr", (request, values, ct) => NoContentAsync(_engine.SetNfrAsync(values[0], request.Read(ctx.NfrBody), ct)));
        Add("GET", "1.0/subscriptions/{id}/history", async (_, values, ct) =>
        {
            var history = await _engine.HistoryAsync(values[0], ct).ConfigureAwait(false);
            return EmulatorResponse.Json(200, new HistoryAnswer
            {
                TierHistory = history.Tiers.Select(t => new TierHistoryAnswer { Date = t.Date, Tier = t.Tier, PreviousTier = t.PreviousTier }).ToList(),
                SkuHistory = history.Skus.Select(s => new SkuHistoryAnswer { Date = s.Date, Sku = s.Sku, PreviousSku = s.PreviousSku }).ToList(),
            }, ctx.HistoryAnswer);
        });
    }
}
