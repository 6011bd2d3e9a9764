using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Wire;

namespace Exclaimer.Reseller.Sdk;

/// <content>The resellers below the partner account (R22).</content>
public partial class ResellerClient
{
    /// <summary>The resellers below the partner account, a page at a time (R22; <c>GET /1.0/resellers</c>), in the order they were added.</summary>
    public virtual AsyncPageable<ResellerCompany> GetResellersAsync(CancellationToken cancellationToken = default) =>
        AsyncPageable<ResellerCompany>.Create(
            (token, size, ct) => Traced("ResellerClient.GetResellers", (token, size, ct), static (client, s) => client.ResellersPageAsync(s.token, s.size, s.ct)),
            "resellers",
            cancellationToken);

    /// <summary>
    /// Adds a reseller, or updates the one with the same id (R22; <c>PUT /1.0/resellers</c>). A subscription is put under a
    /// reseller with <see cref="MigrateSubscriptionAsync"/>, or when it is claimed. Safe to repeat.
    /// </summary>
    /// <param name="options">The reseller's id, company name and country.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The reseller as sent, its country as ISO 3166-1 alpha-3 as the Cloud API reports it.</returns>
    /// <exception cref="ResellerValidationException">A field is missing or malformed; nothing was sent.</exception>
    public virtual Task<ResellerCompany> SetResellerAsync(SetResellerOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.SetReseller", (options, cancellationToken), static (client, s) => client.SetResellerCoreAsync(s.options, s.cancellationToken));

    private async Task<ResellerCompany> SetResellerCoreAsync(SetResellerOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new System.ArgumentNullException(nameof(options));
        }

        var body = DirectoryRules.Reseller(options);
        await _connection.SendOrThrowAsync(CloudApiRequest.Json(HttpMethod.Put, CloudApiRoutes.Resellers, body, CloudApiJsonContext.Default.ResellerRequest, null), cancellationToken).ConfigureAwait(false);
        return new ResellerCompany { ResellerId = body.ResellerId, CompanyName = body.CompanyName, CountryCode = CountryCodes.Alpha3OrSelf(body.CountryCode) };
    }

    private async Task<Page<ResellerCompany>> ResellersPageAsync(string? token, int? size, CancellationToken cancellationToken)
    {
        var pageSize = PageSizeOrDefault(size);
        var request = CloudApiRequest.Get(CloudApiRoutes.Resellers, CloudApiPaging.Query(token, pageSize));
        var response = await _connection.GetAsync(request, CloudApiJsonContext.Default.ResellersResponse, cancellationToken).ConfigureAwait(false);
        var resellers = CloudApiPaging.Items(request, response.Resellers, pageSize, static reseller => !string.IsNullOrEmpty(reseller.ResellerId), "ResellerID");
        return Page<ResellerCompany>.FromServer(resellers, CloudApiPaging.Next(response.ContinuationToken), resellers.Count, response.ResellerCount);
    }
}
