using System.Linq;

namespace Exclaimer.Reseller.Sdk.Rules;

/// <summary>The input rules of a claim (R21), checked before the token is sent: a refused claim never spends it.</summary>
internal static class TransferRules
{
    public static Wire.ClaimTransferRequest Claim(ClaimTransferOptions options)
    {
        var token = options.TransferToken?.Trim() ?? string.Empty;
        if (token.Length == 0)
        {
            throw ResellerValidationException.Missing("TransferToken", "R21", "give the token the subscription's owner was given when they started the transfer");
        }

        if (token.Length > 200 || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw ResellerValidationException.Invalid("TransferToken", "R21", "pass the token unchanged, as the owner was given it");
        }

        if (options.ResellerId is not null && options.Reseller is not null)
        {
            throw ResellerValidationException.Invalid("Reseller", "R21", "give ResellerId (an existing reseller) or Reseller (one to add or update), not both");
        }

        if (options.CustomerId is not null && options.Customer is not null)
        {
            throw ResellerValidationException.Invalid("Customer", "R21", "give CustomerId (an existing customer) or Customer (one to add or update), not both");
        }

        return new Wire.ClaimTransferRequest
        {
            TransferToken = token,
            SubscriptionId = options.SubscriptionId is null ? null : SubscriptionRules.SubscriptionId(options.SubscriptionId),
            ResellerId = options.ResellerId is null ? null : DirectoryRules.Id(options.ResellerId, "ResellerId"),
            Reseller = options.Reseller is null ? null : DirectoryRules.Reseller(options.Reseller, "Reseller."),
            EndUserId = options.CustomerId is null ? null : DirectoryRules.Id(options.CustomerId, "CustomerId"),
            EndUser = options.Customer is null ? null : DirectoryRules.Customer(options.Customer, "Customer."),
        };
    }
}
