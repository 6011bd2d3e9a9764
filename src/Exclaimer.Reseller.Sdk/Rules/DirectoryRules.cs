using System.Linq;

namespace Exclaimer.Reseller.Sdk.Rules;

/// <summary>The input rules of the partner's directory (R22): customers (end users), resellers and migrations.</summary>
internal static class DirectoryRules
{
    /// <summary>The Cloud API's limit on end user and reseller ids.</summary>
    public const int MaxIdLength = 100;

    /// <summary>An end user or reseller id: 1 to 100 characters, nothing invisible.</summary>
    public static string Id(string? text, string field)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw ResellerValidationException.Missing(field, "R22", "give the id you know it by");
        }

        return trimmed.Length > MaxIdLength || trimmed.Any(char.IsControl)
            ? throw ResellerValidationException.Invalid(field, "R22", $"use 1 to {MaxIdLength} visible characters")
            : trimmed;
    }

    public static Wire.EndUserRequest Customer(SetCustomerOptions options, string prefix = "") => new()
    {
        EndUserId = Id(options.CustomerId, prefix + "CustomerId"),
        CompanyName = SubscriptionRules.Name(options.CompanyName, prefix + "CompanyName", "R22"),
        CountryCode = SubscriptionRules.CountryCode(options.CountryCode ?? string.Empty, prefix + "CountryCode", "R22"),
    };

    public static Wire.ResellerRequest Reseller(SetResellerOptions options, string prefix = "") => new()
    {
        ResellerId = Id(options.ResellerId, prefix + "ResellerId"),
        CompanyName = SubscriptionRules.Name(options.CompanyName, prefix + "CompanyName", "R22"),
        CountryCode = SubscriptionRules.CountryCode(options.CountryCode ?? string.Empty, prefix + "CountryCode", "R22"),
    };

    /// <summary>A migration: at least one change; an empty id removes, any other is checked.</summary>
    public static Wire.MigrateRequest Migrate(MigrateSubscriptionOptions options)
    {
        if (options.ResellerId is null && options.CustomerId is null)
        {
            throw ResellerValidationException.Missing("ResellerId", "R22", "give a ResellerId or a CustomerId (an empty one removes it)");
        }

        return new Wire.MigrateRequest
        {
            ResellerId = options.ResellerId is null ? null : options.ResellerId.Trim().Length == 0 ? string.Empty : Id(options.ResellerId, "ResellerId"),
            EndUserId = options.CustomerId is null ? null : options.CustomerId.Trim().Length == 0 ? string.Empty : Id(options.CustomerId, "CustomerId"),
        };
    }
}
