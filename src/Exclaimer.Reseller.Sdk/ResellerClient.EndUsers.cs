using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Rules;
using Exclaimer.Reseller.Sdk.Wire;

namespace Exclaimer.Reseller.Sdk;

/// <content>The reseller's customers: the contract's end users (R22).</content>
public partial class ResellerClient
{
    /// <summary>The reseller's customers (the contract's end users), a page at a time (<c>GET /1.0/end-users</c>).</summary>
    /// <remarks>The counts are filled in when the server reports them (the emulator does); the Cloud API leaves them <see langword="null"/>.</remarks>
    public virtual AsyncPageable<Customer> GetCustomersAsync(CancellationToken cancellationToken = default) =>
        AsyncPageable<Customer>.Create(
            (token, size, ct) => Traced(
                "ResellerClient.GetCustomers",
                (token, size, ct),
                static (client, s) => client.CustomersPageAsync(CloudApiPaging.Query(s.token, client.PageSizeOrDefault(s.size)), client.PageSizeOrDefault(s.size), s.ct)),
            (number, size, ct) => Traced(
                "ResellerClient.GetCustomers",
                (number, size, ct),
                static (client, s) => client.CustomersPageAsync(CloudApiPaging.NumberedQuery(s.number, s.size), s.size, s.ct)),
            _settings.PageConcurrency,
            "customers",
            cancellationToken);

    /// <summary>
    /// Adds a customer, or updates the one with the same id (R22; <c>PUT /1.0/end-users</c>). A subscription is given to a
    /// customer with <see cref="MigrateSubscriptionAsync"/>, or when it is claimed. Safe to repeat.
    /// </summary>
    /// <param name="options">The customer's id, company name and country.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The customer as sent, its country as ISO 3166-1 alpha-3 as the Cloud API reports it. The counts are not known here.</returns>
    /// <exception cref="ResellerValidationException">A field is missing or malformed; nothing was sent.</exception>
    public virtual Task<Customer> SetCustomerAsync(SetCustomerOptions options, CancellationToken cancellationToken = default) =>
        Traced("ResellerClient.SetCustomer", (options, cancellationToken), static (client, s) => client.SetCustomerCoreAsync(s.options, s.cancellationToken));

    private async Task<Customer> SetCustomerCoreAsync(SetCustomerOptions options, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new System.ArgumentNullException(nameof(options));
        }

        var body = DirectoryRules.Customer(options);
        await _connection.SendOrThrowAsync(CloudApiRequest.Json(HttpMethod.Put, CloudApiRoutes.EndUsers, body, CloudApiJsonContext.Default.EndUserRequest, null), cancellationToken).ConfigureAwait(false);
        return new Customer { CustomerId = body.EndUserId, CompanyName = body.CompanyName, CountryCode = CountryCodes.Alpha3OrSelf(body.CountryCode) };
    }

    private async Task<Page<Customer>> CustomersPageAsync(string paging, int pageSize, CancellationToken cancellationToken)
    {
        var request = CloudApiRequest.Get(CloudApiRoutes.EndUsers, paging);
        var response = await _connection.GetAsync(request, CloudApiJsonContext.Default.EndUsersResponse, cancellationToken).ConfigureAwait(false);
        var customers = CloudApiPaging.Items(request, response.EndUsers, pageSize, static customer => !string.IsNullOrEmpty(customer.CustomerId), "EndUserID");
        return Page<Customer>.FromServer(customers, CloudApiPaging.Next(response.ContinuationToken), customers.Count, response.EndUserCount, response.Page, response.PageSize);
    }
}
