using System.Globalization;

namespace Exclaimer.Reseller.Sdk.Rules;

/// <summary>The input rules of the MSP operations (R24).</summary>
internal static class MspRules
{
    /// <summary>A create: a data centre, a Pro SKU for the product, a name, and whole customer and reseller parts.</summary>
    public static Wire.AddMspSubscriptionRequest Create(CreateMspSubscriptionOptions options, string subscriptionId)
    {
        var dataCenter = options.DataCenter switch
        {
            null => throw ResellerValidationException.Missing("DataCenter", "R24", "an MSP subscription needs its data centre: EU, UK, US, AUS, CAN, DE or IND"),
            Sdk.DataCenter.Unknown => throw ResellerValidationException.Invalid("DataCenter", "R24", "use EU, UK, US, AUS, CAN, DE or IND"),
            { } known => known,
        };
        var product = options.Product ?? Product.Microsoft365;
        if (product == Product.Unknown)
        {
            throw ResellerValidationException.Invalid("Product", "R24", "choose Microsoft365 or GoogleWorkspace");
        }

        var customer = options.Customer is null ? null : DirectoryRules.Customer(options.Customer, "Customer.");
        var name = options.CustomerName is not null ? SubscriptionRules.Name(options.CustomerName, "CustomerName", "R24")
            : customer?.CompanyName ?? throw ResellerValidationException.Missing("CustomerName", "R24", "give the subscription's name, or a Customer whose company name it takes");
        return new Wire.AddMspSubscriptionRequest
        {
            DataCenter = dataCenter,
            SubscriptionId = subscriptionId,
            Sku = SubscriptionSku.For(product, Tier.Pro),
            SubscriptionName = name,
            EndUser = customer,
            Reseller = options.Reseller is null ? null : DirectoryRules.Reseller(options.Reseller, "Reseller."),
        };
    }

    /// <summary>The query string of a usage report: the period only with usage, as the Cloud API applies it only then.</summary>
    public static string Query(MspSubscriptionQuery? query)
    {
        if (query is null)
        {
            return string.Empty;
        }

        if (query.Period is not null && !query.IncludeUsage)
        {
            throw ResellerValidationException.Invalid("Period", "R24", "a usage period applies only with IncludeUsage; set IncludeUsage, or leave Period out");
        }

        return (query.IncludeUsage ? "&IncludeUsage=true" : string.Empty) + Period(query.Period);
    }

    public static string Period(UsagePeriod? period) =>
        period is null
            ? string.Empty
            : "&DateFrom=" + period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "&DateTo=" + period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
