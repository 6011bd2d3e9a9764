using System.Linq;
using Exclaimer.Reseller.Emulator.Contract;

namespace Exclaimer.Reseller.Emulator.Http;

/// <content>The partner's directory: end users, resellers, and every user across the subscriptions (R22, R10).</content>
internal sealed partial class ContractRoutes
{
    private void AddDirectoryRoutes()
    {
        var ctx = EmulatorJsonContext.Default;
        Add("PUT", "1.0/end-users", (request, _, ct) => NoContentAsync(_engine.SetEndUserAsync(request.Read(ctx.EndUserBody), ct)));
        Add("PUT", "1.0/resellers", (request, _, ct) => NoContentAsync(_engine.SetResellerAsync(request.Read(ctx.ResellerBody), ct)));
        Add("GET", "1.0/resellers", async (request, _, ct) =>
        {
            var (start, size) = request.Paging();
            var (items, total, next) = await _engine.ListResellersAsync(start, size, ct).ConfigureAwait(false);
            return EmulatorResponse.Json(200, new ResellersAnswer
            {
                Resellers = items.ToList(),
                ResellerCount = total,
                ContinuationToken = EmulatorRequest.Token(next, size),
                Page = (start / size) + 1,
                PageSize = size,
            }, ctx.ResellersAnswer);
        });
        Add("GET", "1.0/subscriptions/users", async (request, _, ct) =>
        {
            var (start, size) = request.Paging();
            var (items, total, next) = await _engine.ListAccountUsersAsync(start, size, ct).ConfigureAwait(false);
            return EmulatorResponse.Json(200, new AccountUsersAnswer
            {
                Users = items.ToList(),
                UserCount = total,
                ContinuationToken = EmulatorRequest.Token(next, size),
                Page = (start / size) + 1,
                PageSize = size,
            }, ctx.AccountUsersAnswer);
        });
    }
}
