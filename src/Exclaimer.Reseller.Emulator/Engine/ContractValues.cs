using System;
using System.Collections.Generic;
using System.Linq;
using Exclaimer.Reseller.Emulator.Http;

namespace Exclaimer.Reseller.Emulator.Engine;

/// <summary>
/// The contract's value lists (openapi.json): SKUs and the tiers they give, data centres and which products each
/// offers, currencies, roles and deployments. The server checks what it is sent against them (400 Bad Request).
/// </summary>
internal static class ContractValues
{
    public const string Microsoft365 = "M";
    public const string GoogleWorkspace = "G";

    /// <summary>The data centres, with whether each offers Microsoft 365 and Google Workspace (GET /1.0/reference/data-centers).</summary>
    public static readonly IReadOnlyList<(string Code, string Location, bool Microsoft365, bool GoogleWorkspace)> DataCenters = new[]
    {
        ("AUS", "Australia", true, false),
        ("CAN", "Canada", true, false),
        ("EU", "Europe", true, true),
        ("IND", "UAE", true, false),
        ("UK", "UK", true, false),
        ("US", "US", true, true),
        ("DE", "DE", true, true),
    };

    private static readonly (string Letter, string Name)[] Products = { (GoogleWorkspace, "Google Workspace"), (Microsoft365, "Microsoft") };
    private static readonly (string Part, string Name)[] Levels = { ("PRO", "Pro"), ("STAND", "Standard"), ("START", "Starter") };
    private static readonly bool[] NfrOrNot = { false, true };
    private static readonly char[] DeploymentSeparators = { ',', ' ', ';', '|' };
    private static readonly string[] DeploymentOrder = { "ServerSide", "ClientSide", "ExchangeOnPremises" };
    private static readonly (string Tier, string Description)[] TierList = { ("ExclaimerStarter", "Exclaimer Starter"), ("ExclaimerStandard", "Exclaimer Standard"), ("ExclaimerPro", "Exclaimer Pro") };
    private static readonly string[] AdminAndEditor = { "Admin", "Editor" };
    private static readonly string[] AdminOnly = { "Admin" };
    private static readonly string[] EditorOnly = { "Editor" };

    public static readonly IReadOnlyList<string> Currencies = new[] { "USD", "GBP", "EUR", "AUD", "CAD" };

    private static readonly Dictionary<string, string> TierBySkuLevel = new(StringComparer.OrdinalIgnoreCase)
    {
        ["START"] = "ExclaimerStarter",
        ["STAND"] = "ExclaimerStandard",
        ["PRO"] = "ExclaimerPro",
    };

    /// <summary>The SKUs on sale (GET /1.0/reference/skus), each with its description, in the order and words of the API's example.</summary>
    public static IEnumerable<(string Sku, string Description)> Skus() =>
        from product in Products
        from level in Levels
        from nfr in NfrOrNot
        select ($"EXCL-{product.Item1}-{level.Item1}{(nfr ? "-NFR" : string.Empty)}", $"Exclaimer {level.Item2} for {product.Item2}{(nfr ? ", Not for Resale" : string.Empty)}");

    /// <summary>The tiers on sale (GET /1.0/reference/tiers).</summary>
    public static IEnumerable<(string Tier, string Description)> Tiers() =>
        TierList;

    /// <summary>Reads a SKU: <c>EXCL-{M|G}-{START|STAND|PRO}[-NFR]</c>.</summary>
    public static (string Product, string Tier, bool Nfr) Sku(string sku)
    {
        var parts = sku.Trim().ToUpperInvariant().Split('-');
        if (parts.Length is 3 or 4 && parts[0] == "EXCL" && parts[1] is Microsoft365 or GoogleWorkspace
            && TierBySkuLevel.TryGetValue(parts[2], out var tier) && (parts.Length == 3 || parts[3] == "NFR"))
        {
            return (parts[1], tier, parts.Length == 4);
        }

        throw ApiProblem.BadRequest("SKU", "use EXCL-{M|G}-{START|STAND|PRO}[-NFR], e.g. EXCL-M-STAND (see GET /1.0/reference/skus)");
    }

    /// <summary>A tier a request names, as the API spells it; the deprecated tiers are for existing consumers only.</summary>
    public static string Tier(string tier)
    {
        var known = TierList.FirstOrDefault(t => t.Tier.Equals(tier.Trim(), StringComparison.OrdinalIgnoreCase)).Tier;
        if (known is not null)
        {
            return known;
        }

        throw tier.Trim().Equals("ExclaimerCloud", StringComparison.OrdinalIgnoreCase) || tier.Trim().Equals("SignatureMarketingSuite", StringComparison.OrdinalIgnoreCase)
            ? ApiProblem.BadRequest("Tier", "the ExclaimerCloud and SignatureMarketingSuite tiers are for existing consumers only; use ExclaimerStarter, ExclaimerStandard or ExclaimerPro")
            : ApiProblem.BadRequest("Tier", "use ExclaimerStarter, ExclaimerStandard or ExclaimerPro (see GET /1.0/reference/tiers)");
    }

    /// <summary>The SKU of a product, tier and not-for-resale, e.g. <c>EXCL-M-PRO-NFR</c>.</summary>
    public static string SkuFor(string product, string tier, bool nfr) =>
        $"EXCL-{product}-{TierBySkuLevel.First(pair => pair.Value.Equals(tier, StringComparison.OrdinalIgnoreCase)).Key}{(nfr ? "-NFR" : string.Empty)}";

    /// <summary>A tier as the API's history names it, e.g. <c>Exclaimer Pro Edition for Office 365</c>.</summary>
    public static string TierEdition(string tier, string product)
    {
        var name = TierList.FirstOrDefault(t => t.Tier.Equals(tier, StringComparison.OrdinalIgnoreCase)).Description ?? tier;
        return $"{name} Edition for {(product == GoogleWorkspace ? "Google Workspace" : "Office 365")}";
    }

    /// <summary>The data centre code a request names. Which products each offers is reference data only (docs/emulator.md).</summary>
    public static string DataCenter(string code)
    {
        var known = DataCenters.FirstOrDefault(dc => dc.Code.Equals(code.Trim(), StringComparison.OrdinalIgnoreCase));
        return known.Code ?? throw ApiProblem.BadRequest("DataCenter", "use EU, UK, US, AUS, CAN, DE or IND (see GET /1.0/reference/data-centers)");
    }

    /// <summary>The roles a request names, case-insensitive: one or both of Admin and Editor, in that order.</summary>
    public static IReadOnlyList<string> Roles(IReadOnlyList<string>? roles)
    {
        if (roles is null || roles.Count == 0)
        {
            throw ApiProblem.Missing("Roles");
        }

        var admin = false;
        var editor = false;
        foreach (var role in roles)
        {
            if (string.Equals(role, "Admin", StringComparison.OrdinalIgnoreCase))
            {
                admin = true;
            }
            else if (string.Equals(role, "Editor", StringComparison.OrdinalIgnoreCase))
            {
                editor = true;
            }
            else
            {
                throw ApiProblem.BadRequest("Roles", "use Admin, Editor or both");
            }
        }

        return admin && editor ? AdminAndEditor : admin ? AdminOnly : EditorOnly;
    }

    /// <summary>A deployment (R11): one or more of ServerSide, ClientSide and ExchangeOnPremises, the last for Microsoft 365 only.</summary>
    public static string Deployment(string? deployment, string product)
    {
        var chosen = new List<string>();
        foreach (var part in (deployment ?? string.Empty).Split(DeploymentSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part switch
            {
                _ when part.Equals("ServerSide", StringComparison.OrdinalIgnoreCase) => "ServerSide",
                _ when part.Equals("ClientSide", StringComparison.OrdinalIgnoreCase) => "ClientSide",
                _ when part.Equals("ExchangeOnPremises", StringComparison.OrdinalIgnoreCase) => "ExchangeOnPremises",
                _ when part.Equals("None", StringComparison.OrdinalIgnoreCase) => null,
                _ => throw ApiProblem.BadRequest("Deployment", "use ServerSide, ClientSide and ExchangeOnPremises"),
            };
            if (name is not null && !chosen.Contains(name))
            {
                chosen.Add(name);
            }
        }

        if (chosen.Count == 0)
        {
            throw ApiProblem.Missing("Deployment");
        }

        if (product == GoogleWorkspace && chosen.Contains("ExchangeOnPremises"))
        {
            throw ApiProblem.BadRequest("Deployment", "Exchange on-premises is for Microsoft 365 subscriptions only");
        }

        // The order the flags enum writes them in, so the stored text reads the same whichever order was sent.
        return string.Join(", ", DeploymentOrder.Where(chosen.Contains));
    }
}
