using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Mail;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk.LocalEngine;

/// <summary>
/// The input rules of the rulebook, as pure checks. Each throws a <see cref="ResellerValidationException"/>
/// naming the field and the rule before anything is written (R17). Both transports apply them.
/// </summary>
internal static class SubscriptionRules
{
    /// <summary>The automatic trial's length (R7; the Cloud API's <c>TrialDays</c> 0 means 14).</summary>
    public const int TrialDays = 14;

    /// <summary>The Cloud API's limit on a caller's subscription id (R9).</summary>
    public const int MaxSubscriptionIdLength = 50;

    private static readonly char[] PathSeparators = { '/', '\\' };

    /// <summary>The Cloud API's limit on company names.</summary>
    public const int MaxNameLength = 100;

    /// <summary>A new user id in the form the Cloud API accepts (A-Z, a-z, 0-9, '-', '_').</summary>
    public static string NewUserId() => "u-" + Guid.NewGuid().ToString("N").Substring(0, 20);

    public static ValidatedCreate ValidateCreate(CreateSubscriptionOptions options, string defaultCountryCode)
    {
        if (options.Product == Product.Unknown)
        {
            throw ResellerValidationException.Missing("Product", "R3", "choose Microsoft365 or GoogleWorkspace");
        }

        var customerName = Name(options.CustomerName, "CustomerName", "R3");
        var userCount = UserCount(options.UserCount, "R3");
        var subscriptionId = options.SubscriptionId is null ? null : SubscriptionId(options.SubscriptionId);
        var domain = string.IsNullOrWhiteSpace(options.Domain) ? null : Domain(options.Domain!, "Domain");
        var countryCode = string.IsNullOrWhiteSpace(options.CountryCode) ? null : CountryCode(options.CountryCode!);
        if (options.DataCenter == Sdk.DataCenter.Unknown)
        {
            throw ResellerValidationException.Invalid("DataCenter", "R3", "use EU, UK, US, AUS, CAN, DE or IND, or leave it out to default from the country");
        }

        if (options.Tier == Sdk.Tier.Unknown)
        {
            throw ResellerValidationException.Invalid("Tier", "R3", "use Starter, Standard or Pro, or leave it out for Standard");
        }

        string? contactName = null;
        string? contactEmail = null;
        if (options.AllowCustomerEditing)
        {
            if (string.IsNullOrWhiteSpace(options.ContactName))
            {
                throw ResellerValidationException.Missing("ContactName", "R5", "customers who may edit signatures need a contact name");
            }

            if (string.IsNullOrWhiteSpace(options.ContactEmail))
            {
                throw ResellerValidationException.Missing("ContactEmail", "R5", "customers who may edit signatures need a contact email address, which becomes their username");
            }

            contactName = Name(options.ContactName, "ContactName", "R5");
            contactEmail = EmailAddress(options.ContactEmail!, "ContactEmail", "R5");
        }
        else if (!string.IsNullOrWhiteSpace(options.ContactName) || !string.IsNullOrWhiteSpace(options.ContactEmail))
        {
            // Contact details without customer access are kept as details; the customer still gets no email (R4).
            contactName = string.IsNullOrWhiteSpace(options.ContactName) ? null : Name(options.ContactName, "ContactName", "R5");
            contactEmail = string.IsNullOrWhiteSpace(options.ContactEmail) ? null : EmailAddress(options.ContactEmail!, "ContactEmail", "R5");
        }

        var country = countryCode ?? defaultCountryCode.ToUpperInvariant();
        return new ValidatedCreate(
            options.Product,
            customerName,
            userCount,
            subscriptionId,
            domain,
            country,
            options.DataCenter ?? DataCenterDefaults.ForCountry(country),
            options.Tier ?? Sdk.Tier.Standard,
            options.AllowCustomerEditing,
            contactName,
            contactEmail,
            options.SkipTrial);
    }

    public static void ValidateUpdate(UpdateSubscriptionOptions options)
    {
        if (options.UserCount is null && options.CustomerName is null)
        {
            throw ResellerValidationException.Missing("UserCount", "R13", "give a new UserCount or CustomerName");
        }

        if (options.UserCount is { } count)
        {
            UserCount(count, "R13");
        }

        if (options.CustomerName is not null)
        {
            Name(options.CustomerName, "CustomerName", "R13");
        }
    }

    /// <summary>
    /// The id of a subscription to act on (R13), trimmed. Lenient on characters, as ids made elsewhere may use others,
    /// but never one that could name another route once in a URL path: no '/', '\\', or only dots.
    /// </summary>
    public static string ExistingId(string? subscriptionId)
    {
        if (string.IsNullOrWhiteSpace(subscriptionId))
        {
            throw ResellerValidationException.Missing("SubscriptionId", "R13", "name the subscription to act on");
        }

        var trimmed = subscriptionId!.Trim();
        return trimmed.Trim('.').Length == 0 || trimmed.IndexOfAny(PathSeparators) >= 0
            ? throw ResellerValidationException.Invalid("SubscriptionId", "R13", $"'{trimmed}' cannot be a subscription id")
            : trimmed;
    }

    public static string SubscriptionId(string id)
    {
        var trimmed = id.Trim();
        if (trimmed.Length == 0)
        {
            throw ResellerValidationException.Missing("SubscriptionId", "R9", "leave it out to have one generated, or give a non-empty id");
        }

        if (trimmed.Length > MaxSubscriptionIdLength)
        {
            throw ResellerValidationException.Invalid("SubscriptionId", "R9", $"it has {trimmed.Length} characters; at most {MaxSubscriptionIdLength} are allowed");
        }

        if (!UrlToken.IsValid(trimmed))
        {
            throw ResellerValidationException.Invalid("SubscriptionId", "R9", "use only " + UrlToken.Allowed);
        }

        if (trimmed.Trim('.').Length == 0)
        {
            // "." and ".." would name another route once in a URL path.
            throw ResellerValidationException.Invalid("SubscriptionId", "R9", "an id needs a letter or a digit, not only dots");
        }

        return trimmed;
    }

    public static string EmailAddress(string text, string field, string rule)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw ResellerValidationException.Missing(field, rule, "give an email address");
        }

        if (!TryParseMailbox(trimmed, out var address))
        {
            throw ResellerValidationException.Invalid(field, rule, $"'{trimmed}' is not an email address like name@example.com");
        }

        return address;
    }

    public static string Domain(string text, string field)
    {
        var domain = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (domain.Length == 0 || domain.Length > 253 || domain.IndexOf('.') < 0
            || Uri.CheckHostName(domain) != UriHostNameType.Dns
            || domain.Split('.').Any(label => label.Length is 0 or > 63))
        {
            throw ResellerValidationException.Invalid(field, "R14", $"'{text.Trim()}' is not a domain name like contoso.com");
        }

        return domain;
    }

    public static IReadOnlyList<SubscriptionRole> Roles(IReadOnlyList<SubscriptionRole> roles, bool defaultToAdmin)
    {
        if (roles.Count == 0)
        {
            // Users added through the reseller tools are Admins unless asked otherwise (R10, an assumption).
            return defaultToAdmin
                ? new[] { SubscriptionRole.Admin }
                : throw ResellerValidationException.Missing("Role", "R10", "give Admin, Editor or both");
        }

        if (roles.Contains(SubscriptionRole.Unknown))
        {
            throw ResellerValidationException.Invalid("Role", "R10", "roles are Admin and Editor");
        }

        return roles.Distinct().OrderBy(role => role).ToArray();
    }

    public static DeploymentOptions Deployment(DeploymentOptions deployment, Product product)
    {
        const DeploymentOptions all = DeploymentOptions.ServerSide | DeploymentOptions.ClientSide | DeploymentOptions.ExchangeOnPremises;
        if ((deployment & ~all) != 0)
        {
            throw ResellerValidationException.Invalid("Deployment", "R11", "use ServerSide, ClientSide and ExchangeOnPremises");
        }

        if (deployment == DeploymentOptions.None)
        {
            throw ResellerValidationException.Missing("Deployment", "R11", "choose at least one of ServerSide, ClientSide and ExchangeOnPremises");
        }

        if (deployment.HasFlag(DeploymentOptions.ExchangeOnPremises) && product == Product.GoogleWorkspace)
        {
            throw ResellerValidationException.Invalid("ExchangeOnPremises", "R11", "Exchange on-premises is for Microsoft 365 subscriptions only, not Google Workspace");
        }

        return deployment;
    }

    private static string Name(string? text, string field, string rule)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw ResellerValidationException.Missing(field, rule, "it cannot be empty");
        }

        if (trimmed.Length > MaxNameLength)
        {
            throw ResellerValidationException.Invalid(field, rule, $"it has {trimmed.Length} characters; at most {MaxNameLength} are allowed");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw ResellerValidationException.Invalid(field, rule, "it contains control characters");
        }

        return trimmed;
    }

    private static int UserCount(int count, string rule) =>
        count >= 1
            ? count
            : throw ResellerValidationException.Invalid("UserCount", rule, $"it is {count}; a subscription has at least 1 user");

    private static string CountryCode(string text)
    {
        var code = text.Trim().ToUpperInvariant();
        var letters = code.Length is 2 or 3 && code.All(c => c is >= 'A' and <= 'Z');
        var digits = code.Length == 3 && code.All(c => c is >= '0' and <= '9');
        return letters || digits
            ? code
            : throw ResellerValidationException.Invalid("CountryCode", "R3", $"'{text.Trim()}' is not an ISO 3166-1 country code like GB, NLD or 528");
    }

    private static bool TryParseMailbox(string text, out string address)
    {
        address = string.Empty;
        try
        {
            var parsed = new MailAddress(text);
            if (parsed.DisplayName.Length > 0 || !parsed.Address.Equals(text, StringComparison.Ordinal)
                || parsed.Host.IndexOf('.') < 0 || text.Length > 254)
            {
                return false;
            }

            address = parsed.Address;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>A create request that passed every input rule, with defaults applied.</summary>
internal sealed record ValidatedCreate(
    Product Product,
    string CustomerName,
    int UserCount,
    string? SubscriptionId,
    string? Domain,
    string CountryCode,
    DataCenter DataCenter,
    Tier Tier,
    bool AllowCustomerEditing,
    string? ContactName,
    string? ContactEmail,
    bool SkipTrial);
