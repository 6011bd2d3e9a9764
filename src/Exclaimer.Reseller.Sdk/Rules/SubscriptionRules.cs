using Exclaimer.Reseller;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Mail;
using Exclaimer.Reseller.Sdk.Pipeline;
using Exclaimer.Reseller.Sdk.Serialization;

namespace Exclaimer.Reseller.Sdk.Rules;

/// <summary>
/// The input rules of the rulebook, as pure checks. Each throws a <see cref="ResellerValidationException"/>
/// naming the field and the rule before anything is sent (R17). They run once per call, in the client, whatever the server.
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

    /// <summary>
    /// The most users one subscription may have (an assumption: more than any organisation's mailboxes). It keeps every
    /// sum of user counts far from overflowing (R17).
    /// </summary>
    public const int MaxUserCount = 10_000_000;

    /// <summary>A new user id in the form the Cloud API accepts (A-Z, a-z, 0-9, '-', '_').</summary>
    public static string NewUserId() => "u-" + Guid.NewGuid().ToString("N").Substring(0, 20);

    /// <summary>
    /// Every input rule of a create (R3-R9, R17), in the order a user fixes them, before anything is sent. With
    /// <paramref name="cloudApiRules"/>, also what the Cloud API requires: the customer's domain and an owner, the contact
    /// with customer access (R5), else the reseller's admin (R4).
    /// </summary>
    public static ValidatedCreate ValidateCreate(CreateSubscriptionOptions options, string defaultCountryCode, string? resellerAdminEmail, bool cloudApiRules)
    {
        if (options.Product == Product.Unknown)
        {
            throw ResellerValidationException.Missing("Product", "R3", "choose Microsoft365 or GoogleWorkspace");
        }

        var customerName = Name(options.CustomerName, "CustomerName", "R3");
        var userCount = UserCount(options.UserCount, "R3");
        var subscriptionId = options.SubscriptionId is null ? null : SubscriptionId(options.SubscriptionId);
        var domain = !string.IsNullOrWhiteSpace(options.Domain) ? Domain(options.Domain!, "Domain", "R3")
            : cloudApiRules ? throw ResellerValidationException.Missing("Domain", "R3", "the Cloud API needs the customer's mail domain, e.g. contoso.com (its EndUser.Domain)")
            : null;
        var countryCode = string.IsNullOrWhiteSpace(options.CountryCode) ? null : CountryCode(options.CountryCode!);
        var currency = Currency(options.Currency);
        var trialDays = TrialLength(options.TrialDays, options.SkipTrial);
        var ownerUserId = options.OwnerUserId is null ? null : UserId(options.OwnerUserId, "OwnerUserId", "R9");
        var billingGroup = options.BillingGroup is null ? null : Name(options.BillingGroup, "BillingGroup", "R3");
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

        var owner = options.AllowCustomerEditing
            ? contactEmail!
            : resellerAdminEmail
              ?? (cloudApiRules
                  ? throw ResellerValidationException.Missing(
                      "ResellerAdminEmail",
                      "R4",
                      "a subscription without customer access is owned by the reseller's admin on the Cloud API; set ResellerClientOptions.ResellerAdminEmail")
                  : null);

        if (ownerUserId is not null && owner is null)
        {
            throw ResellerValidationException.Invalid("OwnerUserId", "R4", "this subscription has no owner to give the id to; set ResellerClientOptions.ResellerAdminEmail, or give customer access");
        }

        // The server picks the data centre from the country when none is given (R3), as the Cloud API does.
        return new ValidatedCreate(
            options.Product,
            customerName,
            userCount,
            subscriptionId,
            domain,
            countryCode ?? defaultCountryCode.ToUpperInvariant(),
            options.DataCenter,
            options.Tier ?? Sdk.Tier.Standard,
            options.AllowCustomerEditing,
            contactName,
            contactEmail,
            owner,
            options.SkipTrial)
        {
            Currency = currency,
            TrialDays = trialDays,
            OwnerUserId = ownerUserId,
            BillingGroup = billingGroup,
        };
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

        return TryParseMailbox(trimmed, out var address) is { } problem
            ? throw ResellerValidationException.Invalid(field, rule, $"'{trimmed}' is not an email address like name@example.com: {problem}")
            : address;
    }

    public static string Domain(string text, string field, string rule = "R14")
    {
        var domain = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (domain.Length == 0 || domain.Length > 253 || domain.IndexOf('.') < 0
            || Uri.CheckHostName(domain) != UriHostNameType.Dns
            || domain.Split('.').Any(label => label.Length is 0 or > 63))
        {
            throw ResellerValidationException.Invalid(field, rule, $"'{text.Trim()}' is not a domain name like contoso.com");
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

    internal static string Name(string? text, string field, string rule)
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

        if (HiddenCharacter(trimmed) is { } hidden)
        {
            // Bidi overrides and invisible characters make a name read as something it is not (e.g. in a confirm prompt).
            throw ResellerValidationException.Invalid(field, rule, $"it contains the invisible or text-direction character U+{(int)hidden:X4}; type the name without it");
        }

        return trimmed;
    }

    /// <summary>
    /// The first character that is invisible or changes how the text around it reads: format characters (bidi embeddings,
    /// overrides and isolates U+202A-U+202E and U+2066-U+2069, zero-width characters, the byte order mark), line and
    /// paragraph separators, and halves of broken surrogate pairs.
    /// </summary>
    private static char? HiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var category = CharUnicodeInfo.GetUnicodeCategory(text, i);
                if (category == UnicodeCategory.Format)
                {
                    return c;
                }

                i++;
                continue;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                    return c;
            }
        }

        return null;
    }

    private static int UserCount(int count, string rule) =>
        count switch
        {
            < 1 => throw ResellerValidationException.Invalid("UserCount", rule, $"it is {count}; a subscription has at least 1 user"),
            > MaxUserCount => throw ResellerValidationException.Invalid("UserCount", rule, $"it is {count}; a subscription has at most {MaxUserCount.ToString("N0", CultureInfo.InvariantCulture)} users"),
            _ => count,
        };

    internal static string CountryCode(string text, string field = "CountryCode", string rule = "R3")
    {
        var code = text.Trim().ToUpperInvariant();
        if (code.Length == 0)
        {
            throw ResellerValidationException.Missing(field, rule, "give an ISO 3166-1 country code like GB, NLD or 528");
        }

        if (CountryCodes.TryGetAlpha2(code, out _))
        {
            return code;
        }

        // "UK" is what people type for the United Kingdom, but ISO 3166-1 (and the Cloud API) know it as GB.
        var hint = code == "UK" ? "; the United Kingdom is GB (or GBR, 826)" : string.Empty;
        throw ResellerValidationException.Invalid(field, rule, $"'{text.Trim()}' is not an ISO 3166-1 country code like GB, NLD or 528{hint}");
    }

    /// <summary>The billing currencies the Cloud API takes (R3).</summary>
    internal static readonly string[] Currencies = { "USD", "GBP", "EUR", "AUD", "CAD" };

    /// <summary>The longest trial a create may ask for (an assumption; the Cloud API documents none).</summary>
    public const int MaxTrialDays = 365;

    /// <summary>A user id the Cloud API accepts: A-Z, a-z, 0-9, '-' and '_', at most 100 characters.</summary>
    internal static string UserId(string text, string field, string rule)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            throw ResellerValidationException.Missing(field, rule, "leave it out to have one generated, or give a non-empty id");
        }

        return trimmed.Length > 100 || !trimmed.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')
            ? throw ResellerValidationException.Invalid(field, rule, "use at most 100 of A-Z, a-z, 0-9, '-' and '_'")
            : trimmed;
    }

    private static string? Currency(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var code = text.Trim().ToUpperInvariant();
        return Array.IndexOf(Currencies, code) >= 0
            ? code
            : throw ResellerValidationException.Invalid("Currency", "R3", $"'{text.Trim()}' is not a currency the Cloud API bills in; use USD, GBP, EUR, AUD or CAD (it cannot be changed later)");
    }

    private static int? TrialLength(int? days, bool skipTrial)
    {
        if (days is null)
        {
            return null;
        }

        if (skipTrial)
        {
            throw ResellerValidationException.Invalid("TrialDays", "R7", "a subscription that skips its trial has no trial length; give SkipTrial or TrialDays, not both");
        }

        return days is >= 1 and <= MaxTrialDays
            ? days
            : throw ResellerValidationException.Invalid("TrialDays", "R7", $"it is {days}; a trial lasts 1 to {MaxTrialDays} days, or leave it out for 14");
    }

    /// <summary>
    /// An address the invitation sender can deliver (R6): a plain ASCII local part (RFC 5322 dot-atom, at most 64
    /// characters, as SMTP without SMTPUTF8 carries it) at a domain name. An internationalised domain is kept in its
    /// ASCII (xn--) form, the form mail servers route on.
    /// </summary>
    /// <returns><see langword="null"/> when the address is good, else what is wrong with it.</returns>
    private static string? TryParseMailbox(string text, out string address)
    {
        address = string.Empty;
        if (text.Length > 254)
        {
            return "it is longer than 254 characters";
        }

        if (HiddenCharacter(text) is { } hidden)
        {
            return $"it contains the invisible or text-direction character U+{(int)hidden:X4}";
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return "it needs a name, an @ and a domain";
        }

        if (at > 64 || !IsDotAtom(text.Substring(0, at)))
        {
            return "the part before the @ must be at most 64 plain ASCII letters, digits and . _ - + characters, or the invitation cannot be delivered";
        }

        var domain = text.Substring(at + 1);
        try
        {
            // Kept as typed when it is ASCII; an internationalised name becomes its ASCII (xn--) form.
            domain = domain.All(c => c < 128) ? domain : Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return "the part after the @ is not a domain name";
        }

        if (domain.IndexOf('.') < 0 || domain[domain.Length - 1] == '.' || Uri.CheckHostName(domain) != UriHostNameType.Dns
            || domain.Split('.').Any(label => label.Length is 0 or > 63 || label[0] == '-' || label[label.Length - 1] == '-'))
        {
            return "the part after the @ is not a domain name";
        }

        address = text.Substring(0, at) + "@" + domain;
        try
        {
            // The same parser the sender builds its message with must accept it.
            return new MailAddress(address).Address.Equals(address, StringComparison.Ordinal) ? null : "it is not a plain address";
        }
        catch (FormatException)
        {
            return "it is not a plain address";
        }
    }

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>The characters besides letters and digits that RFC 5322 allows in an atom.</summary>
    private const string AtomSpecials = "!#$%&'*+/=?^_`{|}~-";

    private static bool IsDotAtom(string local)
    {
        if (local.Length == 0 || local[0] == '.' || local[local.Length - 1] == '.' || TextSearch.ContainsIgnoringCase(local, ".."))
        {
            return false;
        }

        foreach (var c in local)
        {
            var atext = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.'
                #if NET
                || AtomSpecials.Contains(c, StringComparison.Ordinal);
#else
                || AtomSpecials.IndexOf(c) >= 0;
#endif
            if (!atext)
            {
                return false;
            }
        }

        return true;
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
    DataCenter? DataCenter,
    Tier Tier,
    bool AllowCustomerEditing,
    string? ContactName,
    string? ContactEmail,
    string? OwnerEmail,
    bool SkipTrial)
{
    /// <summary>The billing currency when the caller chose one; the server's default (GBP) otherwise.</summary>
    public string? Currency { get; init; }

    /// <summary>The trial's length when the caller chose one; the server's 14 days otherwise.</summary>
    public int? TrialDays { get; init; }

    public string? OwnerUserId { get; init; }

    public string? BillingGroup { get; init; }
}
